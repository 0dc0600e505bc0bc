import { DEMO_DISTRICTS, DEMO_MUNICIPALITY } from './demo-region.data';

/** The password of every demo account (not of `admin`); for a demo only. */
export const DEFAULT_DEMO_PASSWORD = 'taizhang-demo';

export type DemoRole = 'union_cadre' | 'federation_officer' | 'auditor';

/** One demo account and the demo unit it belongs to, found by its kind and name. */
export interface DemoUser {
  username: string;
  role: DemoRole;
  unit: { kind: 'municipal' | 'district' | 'street' | 'union'; name: string };
}

/**
 * A demo account for each role at each level of the demo region: an auditor and an officer of
 * the city, an officer of each district and street, a cadre of each union.
 */
export const demoUsers = (): DemoUser[] => {
  const city = { kind: 'municipal' as const, name: DEMO_MUNICIPALITY.name };

  return [
    { username: `${DEMO_MUNICIPALITY.key}.auditor`, role: 'auditor', unit: city },
    { username: `${DEMO_MUNICIPALITY.key}.officer`, role: 'federation_officer', unit: city },
    ...DEMO_DISTRICTS.flatMap((district): DemoUser[] => [
      {
        username: `${district.key}.officer`,
        role: 'federation_officer',
        unit: { kind: 'district', name: district.name },
      },
      ...district.streets.flatMap((street): DemoUser[] => [
        {
          username: `${street.key}.officer`,
          role: 'federation_officer',
          unit: { kind: 'street', name: street.name },
        },
        ...street.unions.map((union): DemoUser => ({
          username: `${union.key}.cadre`,
          role: 'union_cadre',
          unit: { kind: 'union', name: union.name },
        })),
      ]),
    ]),
  ];
};
