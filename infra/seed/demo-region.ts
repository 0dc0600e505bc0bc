import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS, DEMO_MUNICIPALITY } from './demo-region.data';
import { seedCommand, signInAsAdmin } from './gateway-client';

/**
 * Seeds the demo region's federations (city, districts, streets) through the gateway, signed in
 * as `admin`. Every request carries a fixed Idempotency-Key, so running the seed again replays
 * the first answers and records nothing new. Then (infra/seed/main.ts): the federations' accounts
 * (demo-users.ts federation), the employers and unions (demo-unions.ts), the cadres' accounts
 * (demo-users.ts unions) and the members (demo-members.ts).
 */
const seed = async (): Promise<void> => {
  requireDemoMode();
  const admin = await signInAsAdmin();
  const post = (path: string, key: string, body: unknown) =>
    seedCommand(admin, `/api/organisation${path}`, key, body);
  const city = await post('/org-units', DEMO_MUNICIPALITY.key, {
    code: DEMO_MUNICIPALITY.code,
    name: DEMO_MUNICIPALITY.name,
    kind: 'municipal',
  });
  for (const district of DEMO_DISTRICTS) {
    const { id: districtId } = await post('/org-units', district.key, {
      code: district.code,
      name: district.name,
      kind: 'district',
      parentId: city.id,
    });
    for (const street of district.streets) {
      await post('/org-units', street.key, {
        code: street.code,
        name: street.name,
        kind: 'street',
        parentId: districtId,
      });
    }
  }
  console.log(
    city.replayed
      ? `Demo region already seeded: ${DEMO_MUNICIPALITY.name} (${city.id}).`
      : `Demo region seeded: ${DEMO_MUNICIPALITY.name} (${city.id}).`,
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
