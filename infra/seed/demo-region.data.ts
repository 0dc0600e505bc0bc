/**
 * The demo region `npm start` seeds: one city, two districts, their streets, the employers of
 * each street (单位台账), the unions with the employers they cover, and their members.
 */
import { demoCreditCode } from './credit-code';

export interface DemoUnion {
  key: string;
  name: string;
  establishedOn: string;
  /** Keys of the street's employers it covers (建会). */
  covers: string[];
  members: DemoMember[];
}

/** An employer in the registry, with its workforce as it reported it. */
export interface DemoEmployer {
  key: string;
  creditCode: string;
  name: string;
  kind: 'enterprise' | 'public_institution' | 'social_organisation' | 'other';
  registeredOn: string;
  headcount: number;
  femaleHeadcount: number;
  migrantHeadcount: number;
  newFormHeadcount: number;
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
  employers: DemoEmployer[];
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

// Workforce: headcount, of them women, migrant workers (农民工), new-form workers (新就业形态).
const e = (
  key: string,
  creditCode: string,
  name: string,
  kind: DemoEmployer['kind'],
  [headcount, femaleHeadcount, migrantHeadcount, newFormHeadcount]: [
    number,
    number,
    number,
    number,
  ],
): DemoEmployer => ({
  key,
  creditCode,
  name,
  kind,
  registeredOn: '2025-01-02',
  headcount,
  femaleHeadcount,
  migrantHeadcount,
  newFormHeadcount,
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
        employers: [
          e(
            'machine-tool',
            demoCreditCode(24311507, '210102'),
            '沈阳第一机床厂',
            'enterprise',
            [860, 214, 120, 0],
          ),
          e(
            'department-store',
            demoCreditCode(24318826, '210102'),
            '沈阳太原街百货有限公司',
            'enterprise',
            [236, 171, 58, 0],
          ),
          e(
            'catering',
            demoCreditCode(55104372, '210102'),
            '沈阳南市场餐饮管理有限公司',
            'enterprise',
            [48, 29, 27, 6],
          ),
          e(
            'optician',
            demoCreditCode(60923158, '210102', '92'),
            '和平区太原街明视眼镜店',
            'other',
            [9, 5, 2, 0],
          ),
          // No union yet: the street federation sees it among those still to organise.
          e(
            'property',
            demoCreditCode(57720941, '210102'),
            '沈阳南市场物业服务有限公司',
            'enterprise',
            [65, 23, 41, 0],
          ),
        ],
        unions: [
          {
            key: 'machine-tool',
            name: '沈阳第一机床厂工会委员会',
            establishedOn: '1985-05-01',
            covers: ['machine-tool'],
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
            covers: ['department-store', 'catering', 'optician'],
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
        employers: [
          e(
            'express',
            demoCreditCode(30845172, '210102'),
            '沈阳北市场快递服务站有限公司',
            'enterprise',
            [124, 19, 96, 112],
          ),
          e(
            'delivery',
            demoCreditCode(30861240, '210102'),
            '沈阳北站同城配送有限公司',
            'enterprise',
            [76, 9, 61, 70],
          ),
          // No union yet.
          e(
            'housekeeping',
            demoCreditCode(59066213, '210102'),
            '沈阳北市场家政服务有限公司',
            'enterprise',
            [42, 37, 29, 14],
          ),
        ],
        unions: [
          {
            key: 'courier-station',
            name: '北市场快递物流行业联合工会',
            establishedOn: '2019-06-01',
            covers: ['express', 'delivery'],
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
        employers: [
          e(
            'hospital',
            demoCreditCode(46401839, '210103', '12'),
            '沈河区人民医院',
            'public_institution',
            [618, 433, 12, 0],
          ),
          // No union yet.
          e(
            'software',
            demoCreditCode(30907519, '210103'),
            '沈阳五里河软件科技有限公司',
            'enterprise',
            [152, 47, 9, 0],
          ),
        ],
        unions: [
          {
            key: 'hospital',
            name: '沈河区人民医院工会委员会',
            establishedOn: '1990-01-10',
            covers: ['hospital'],
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
