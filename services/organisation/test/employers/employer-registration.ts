/**
 * The body of `POST /employers` for an enterprise of 80 (30 women, 10 migrant workers) registered
 * on 2020-01-01; `more` changes any of it.
 */
export const employerRegistration = (
  creditCode: string,
  name: string,
  streetId: string,
  more: Record<string, unknown> = {},
) => ({
  creditCode,
  name,
  kind: 'enterprise',
  streetId,
  registeredOn: '2020-01-01',
  headcount: 80,
  femaleHeadcount: 30,
  migrantHeadcount: 10,
  newFormHeadcount: 0,
  ...more,
});
