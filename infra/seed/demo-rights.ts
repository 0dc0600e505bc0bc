import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS, DEMO_MUNICIPALITY } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * Seeds rights' records 维权 through the gateway, each by its union's own cadre: labour disputes
 * (one agreed, one referred to arbitration, one open), a workers' congress session with a
 * resolution, and a request to negotiate a wage contract. Fixed Idempotency-Keys: a second run
 * records nothing new. Claimants are named without member ids: organisation has no member list
 * to find them by yet.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const cadreOf = async (unionKey: string) => {
  const signedIn = await signIn(`${unionKey}.cadre`, DEMO_PASSWORD);
  if (!signedIn) throw new Error(`The demo user ${unionKey}.cadre cannot sign in.`);
  // Rights learns the unions from organisation's topic: a union it has not heard of yet is a 404
  // for a few moments after the unions are seeded.
  const post = async (path: string, key: string, body: unknown) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return await seedCommand(
          signedIn.accessToken,
          `/api/rights${path}`,
          `${unionKey}:rights:${key}`,
          body,
        );
      } catch (error) {
        if (!String(error).includes('(404)') || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };

  return { unionId: signedIn.user.orgUnitId!, post };
};

const creditCodeOf = (employerKey: string): string => {
  const employer = DEMO_DISTRICTS.flatMap((d) => d.streets.flatMap((s) => s.employers)).find(
    (e) => e.key === employerKey,
  );
  if (!employer) throw new Error(`No demo employer ${employerKey}.`);

  return employer.creditCode;
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  let recorded = 0;
  const count = ({ replayed }: { replayed: boolean }) => (recorded += replayed ? 0 : 1);

  const machineTool = await cadreOf('machine-tool');
  const wages = await machineTool.post('/disputes', 'dispute-wages', {
    unionId: machineTool.unionId,
    category: 'unpaid_wages',
    claimants: [{ name: '王秀英' }, { name: '李建国' }],
    amountClaimedFen: 2_460_000,
    acceptedOn: '2026-03-02',
  });
  count(wages);
  count(
    await machineTool.post(`/disputes/${wages.id}/agreement`, 'dispute-wages:agreement', {
      agreedOn: '2026-03-12',
      amountRecoveredFen: 2_100_000,
    }),
  );
  count(
    await machineTool.post('/disputes', 'dispute-overtime', {
      unionId: machineTool.unionId,
      category: 'overtime',
      claimants: [{ name: '刘洋' }],
      amountClaimedFen: 380_000,
      acceptedOn: '2026-11-20',
    }),
  );
  const congress = await machineTool.post('/congresses', 'congress-2026', {
    unionId: machineTool.unionId,
    heldOn: '2026-03-18',
    delegatesEntitled: 60,
    delegatesPresent: 52,
  });
  count(congress);
  count(
    await machineTool.post(`/congresses/${congress.id}/resolutions`, 'congress-2026:wages', {
      title: '2026年度工资集体协商方案',
      votesFor: 47,
    }),
  );
  count(
    await machineTool.post('/contracts', 'contract-wage-2026', {
      unionId: machineTool.unionId,
      kind: 'wage',
      employerIds: [creditCodeOf('machine-tool')],
      requestedOn: '2026-04-01',
    }),
  );

  const hospital = await cadreOf('hospital');
  const dismissal = await hospital.post('/disputes', 'dispute-dismissal', {
    unionId: hospital.unionId,
    category: 'dismissal',
    claimants: [{ name: '赵敏' }],
    amountClaimedFen: 1_500_000,
    acceptedOn: '2026-05-06',
  });
  count(dismissal);
  count(
    await hospital.post(`/disputes/${dismissal.id}/failure`, 'dispute-dismissal:failure', {
      failedOn: '2026-05-18',
      reason: '双方对经济补偿金额分歧较大，调解不成，引导申请劳动仲裁',
    }),
  );

  console.log(
    recorded > 0
      ? `Demo rights records (disputes, a congress, a request to negotiate): ${recorded}.`
      : 'Demo rights records already recorded.',
  );
  const officer = await signIn(`${DEMO_MUNICIPALITY.key}.officer`, DEMO_PASSWORD);
  if (officer) {
    const cityId = officer.user.orgUnitId!;
    const summary = await call(
      'GET',
      `/api/reporting/reports/org-units/${cityId}/summary`,
      officer.accessToken,
    );
    const { disputesReceived, disputesAgreed, disputesFailed, amountRecoveredFen } =
      summary.body as Record<string, unknown>;
    console.log(
      `  ${GATEWAY}/api/reporting/reports/org-units/${cityId}/summary → ${JSON.stringify({ disputesReceived, disputesAgreed, disputesFailed, amountRecoveredFen })}`,
    );
  }
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
