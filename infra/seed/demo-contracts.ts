import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS, DEMO_MUNICIPALITY } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * Seeds collective contracts 集体合同 through the gateway: 沈河区人民医院工会's wage contract from
 * the request to filing (2026-07-08; rights' own clock makes it effective 15 days on, 视为生效),
 * a safety request of 沈阳第一机床厂工会 still pending, and the city's wage-bargaining season
 * (要约行动季). Fixed Idempotency-Keys: a second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const signedIn = async (user: string) => {
  const session = await signIn(user, DEMO_PASSWORD);
  if (!session) throw new Error(`The demo user ${user} cannot sign in.`);
  // Rights learns the units from organisation's topic: one it has not heard of yet is a 404 for
  // a few moments after they are seeded.
  const post = async (path: string, key: string, body: unknown) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return await seedCommand(
          session.accessToken,
          `/api/rights${path}`,
          `${user}:contracts:${key}`,
          body,
        );
      } catch (error) {
        if (!String(error).includes('(404)') || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };

  return { unitId: session.user.orgUnitId!, token: session.accessToken, post };
};

const creditCodeOf = (employerKey: string): string => {
  const employer = DEMO_DISTRICTS.flatMap((d) => d.streets.flatMap((s) => s.employers)).find(
    (e) => e.key === employerKey,
  );
  if (!employer) throw new Error(`No demo employer ${employerKey}.`);

  return employer.creditCode;
};

const negotiators = (side: string[]) =>
  side.map((name, i) => (i === 0 ? { name, chief: true } : { name }));

const seed = async (): Promise<void> => {
  requireDemoMode();
  let recorded = 0;
  const count = ({ replayed }: { replayed: boolean }) => (recorded += replayed ? 0 : 1);

  const hospital = await signedIn('hospital.cadre');
  const wage = await hospital.post('/contracts', 'wage-2026', {
    unionId: hospital.unitId,
    kind: 'wage',
    employerIds: [creditCodeOf('hospital')],
    requestedOn: '2026-06-01',
  });
  count(wage);
  const steps: [string, string, object][] = [
    ['answer', 'answer', { answeredOn: '2026-06-10' }],
    [
      'rounds',
      'round-1',
      {
        heldOn: '2026-06-20',
        unionRepresentatives: negotiators(['孙丽华', '周建国', '吴敏']),
        employerRepresentatives: negotiators(['郑院长', '王主任', '冯会计']),
        notes: '护理岗位工资增幅与夜班津贴',
      },
    ],
    [
      'congress-vote',
      'vote',
      {
        votedOn: '2026-07-01',
        delegatesTotal: 80,
        delegatesPresent: 72,
        votesFor: 66,
        wageIncreasePercent: 4.5,
        workforceCovered: 860,
        termYears: 2,
      },
    ],
    ['signing', 'signing', { signedOn: '2026-07-03' }],
    ['filing', 'filing', { filedOn: '2026-07-08' }],
  ];
  for (const [step, key, body] of steps)
    count(await hospital.post(`/contracts/${wage.id}/${step}`, `wage-2026:${key}`, body));

  const machineTool = await signedIn('machine-tool.cadre');
  count(
    await machineTool.post('/contracts', 'safety-2026', {
      unionId: machineTool.unitId,
      kind: 'safety',
      employerIds: [creditCodeOf('machine-tool')],
      requestedOn: '2026-11-25',
    }),
  );

  const city = await signedIn(`${DEMO_MUNICIPALITY.key}.officer`);
  count(
    await city.post('/bargaining-seasons', 'season-2026', {
      orgUnitId: city.unitId,
      name: '2026年工资集体协商要约行动季',
      from: '2026-03-01',
      to: '2026-06-30',
      targetRequests: 10,
    }),
  );

  console.log(
    recorded > 0
      ? `Demo collective contracts (a wage contract filed, a request pending, a season): ${recorded}.`
      : 'Demo collective contracts already recorded.',
  );
  console.log(`  ${GATEWAY}/api/rights/contracts/${wage.id} (in force from 2026-07-23, by the clock)`);
  const summary = await call(
    'GET',
    `/api/reporting/reports/org-units/${city.unitId}/summary`,
    city.token,
  );
  const { contractsInForce, workforceCoveredByContracts, averageWageIncreasePercent } =
    summary.body as Record<string, unknown>;
  console.log(
    `  summary → ${JSON.stringify({ contractsInForce, workforceCoveredByContracts, averageWageIncreasePercent })}`,
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
