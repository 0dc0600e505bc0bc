/** The demo region `npm start` seeds: one city, two districts, their streets, unions and members. */
export interface DemoUnion {
  key: string;
  name: string;
  establishedOn: string;
  members: { name: string; gender: 'female' | 'male'; joinedOn: string }[];
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

const m = (name: string, gender: 'female' | 'male', joinedOn: string) => ({
  name,
  gender,
  joinedOn,
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
              m('王秀英', 'female', '2001-07-01'),
              m('李建国', 'male', '1998-03-15'),
              m('张丽', 'female', '2015-09-10'),
              m('刘洋', 'male', '2019-04-22'),
            ],
          },
          {
            key: 'taiyuan-market',
            name: '太原街商圈联合工会',
            establishedOn: '2012-10-18',
            members: [m('陈静', 'female', '2013-01-05'), m('赵磊', 'male', '2020-11-30')],
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
            members: [m('孙浩', 'male', '2019-06-01'), m('周敏', 'female', '2021-08-16')],
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
              m('吴桂兰', 'female', '1995-02-01'),
              m('郑凯', 'male', '2010-05-12'),
              m('冯雪', 'female', '2018-03-08'),
            ],
          },
        ],
      },
    ],
  },
];
