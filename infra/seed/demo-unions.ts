import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { seedCommand, signIn, signInAsAdmin } from './gateway-client';

/**
 * Seeds each demo street's employers (单位台账), registered by the street's own officer
 * (`<street>.officer`, created by demo-users.ts federation), then the demo unions as they existed
 * before the platform (存量工会登记, by `admin`) with the employers each covers, so that 建会率
 * and 入会率 have figures; some employers stay without a union. Fixed Idempotency-Keys: a
 * second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const seed = async (): Promise<void> => {
  requireDemoMode();
  const admin = await signInAsAdmin();
  let recorded = 0;
  for (const street of DEMO_DISTRICTS.flatMap((district) => district.streets)) {
    const officer = await signIn(`${street.key}.officer`, DEMO_PASSWORD);
    if (!officer)
      throw new Error(`The demo user ${street.key}.officer cannot sign in with the demo password.`);
    const streetId = officer.user.orgUnitId!;
    for (const { key, ...employer } of street.employers) {
      const registered = await seedCommand(
        officer.accessToken,
        '/api/organisation/employers',
        `${street.key}:employer:${key}`,
        { ...employer, streetId },
      );
      if (!registered.replayed) recorded += 1;
    }
    for (const union of street.unions) {
      const creditCode = (key: string) => {
        const employer = street.employers.find((candidate) => candidate.key === key);
        if (!employer)
          throw new Error(`The demo union ${union.key} covers an unknown employer ${key}.`);

        return employer.creditCode;
      };
      const registered = await seedCommand(admin, '/api/organisation/unions', union.key, {
        name: union.name,
        parentId: streetId,
        establishedOn: union.establishedOn,
        employerIds: union.covers.map(creditCode),
      });
      if (!registered.replayed) recorded += 1;
    }
  }
  console.log(
    recorded > 0
      ? `Demo employers and unions recorded: ${recorded}.`
      : 'Demo employers and unions already recorded.',
  );
};

seed().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  // The same Idempotency-Key with another body: the demo unions were registered by an earlier
  // seed, without the employers they cover.
  if (message.includes('IDEMPOTENCY_KEY_REUSED'))
    console.error(
      'This demo region was seeded by an earlier version. Stop (npm run stop), drop the databases taizhang_gateway, taizhang_organisation and taizhang_reporting, and run npm start again.',
    );
  process.exit(1);
});
