/** The demo region `npm start` seeds: one city, two districts, their streets, unions and members. */
export interface DemoUnion {
  key: string;
  name: string;
  establishedOn: string;
  members: DemoMember[];
}

/** A member as a union keeps them (synthetic ID card numbers with valid check digits). */
export interface DemoMember {
  name: string;
  gender: 'female' | 'male';
  idCardNumber: string;
  phone: string;
  employmentForm: 'regular' | 'dispatched' | 'new_form';
  migrantWorker: boolean;
  channel: 'individual' | 'collective' | 'at_source';
  joinedOn: string;
  /** 保留会籍 recorded after the join. */
  retained?: {
    reason: 'retired' | 'unemployed' | 'employer_closed';
    heldBy: 'union' | 'federation';
    since: string;
  };
}

export interface DemoStreet {
  key: string;
  code: string;
  name: string;
  unions: DemoUnion[];
}

export interface DemoDistrict {
  key: string;
  code: string;
  name: string;
  streets: DemoStreet[];
}

export const DEMO_MUNICIPALITY = { key: 'shenyang', code: '2101', name: '沈阳市总工会' };

const m = (
  name: string,
  gender: 'female' | 'male',
  joinedOn: string,
  idCardNumber: string,
  phone: string,
  more: Partial<DemoMember> = {},
): DemoMember => ({
  name,
  gender,
  idCardNumber,
  phone,
  employmentForm: 'regular',
  migrantWorker: false,
  channel: 'individual',
  joinedOn,
  ...more,
});

export const DEMO_DISTRICTS: DemoDistrict[] = [
  {
    key: 'heping',
    code: '210102',
    name: '沈阳市和平区总工会',
    streets: [
      {
        key: 'nanshichang',
        code: '210102001',
        name: '和平区南市场街道工会联合会',
        unions: [
          {
            key: 'machine-tool',
            name: '沈阳第一机床厂工会委员会',
            establishedOn: '1985-05-01',
            members: [
              m('王秀英', 'female', '2001-07-01', '210102197804160229', '13804001122'),
              m('李建国', 'male', '1998-03-15', '210102197209030315', '13998765432'),
              m('张丽', 'female', '2015-09-10', '21010319921125046X', '15840123456', {
                employmentForm: 'dispatched',
              }),
              m('刘洋', 'male', '2019-04-22', '211122199606180152', '18640005678', {
                migrantWorker: true,
              }),
            ],
          },
          {
            key: 'taiyuan-market',
            name: '太原街商圈联合工会',
            establishedOn: '2012-10-18',
            members: [
              m('陈静', 'female', '2013-01-05', '210102198902070846', '13066668888'),
              m('赵磊', 'male', '2020-11-30', '410122199408300578', '17702401234', {
                employmentForm: 'dispatched',
                migrantWorker: true,
                channel: 'at_source',
              }),
            ],
          },
        ],
      },
      {
        key: 'beishichang',
        code: '210102002',
        name: '和平区北市场街道工会联合会',
        unions: [
          {
            key: 'courier-station',
            name: '北市场快递物流行业联合工会',
            establishedOn: '2019-06-01',
            members: [
              m('孙浩', 'male', '2019-06-01', '230102199312090132', '18504511234', {
                employmentForm: 'new_form',
                migrantWorker: true,
                channel: 'at_source',
              }),
              m('周敏', 'female', '2021-08-16', '410122199805210621', '13703710987', {
                employmentForm: 'new_form',
                migrantWorker: true,
                channel: 'collective',
              }),
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'shenhe',
    code: '210103',
    name: '沈阳市沈河区总工会',
    streets: [
      {
        key: 'wulihe',
        code: '210103001',
        name: '沈河区五里河街道工会联合会',
        unions: [
          {
            key: 'hospital',
            name: '沈河区人民医院工会委员会',
            establishedOn: '1990-01-10',
            members: [
              m('吴桂兰', 'female', '1995-02-01', '210103197001260281', '13322334455', {
                retained: { reason: 'retired', heldBy: 'union', since: '2020-02-01' },
              }),
              m('郑凯', 'male', '2010-05-12', '210103198610140394', '15998001234'),
              m('冯雪', 'female', '2018-03-08', '210102199507020448', '18698765432', {
                employmentForm: 'dispatched',
              }),
            ],
          },
        ],
      },
    ],
  },
];
