import { requireDemoMode } from './demo-mode';
import { DEMO_MUNICIPALITY } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * Seeds labour-protection inspections 劳动保护监督检查 through the gateway, by the unions' own
 * cadres: an inspection of 沈阳第一机床厂 with two hazards, one rectified and verified, one past its
 * due date (the rectification clock marks it overdue), and a women workers' special protection
 * inspection (女职工"五期") at 沈河区人民医院. Fixed Idempotency-Keys: a second run records nothing.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const cadreOf = async (unionKey: string) => {
  const signedIn = await signIn(`${unionKey}.cadre`, DEMO_PASSWORD);
  if (!signedIn) throw new Error(`The demo user ${unionKey}.cadre cannot sign in.`);
  // Rights learns the unions from organisation's topic: a 404 for a few moments after seeding.
  const post = async (path: string, key: string, body: unknown) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return await seedCommand(
          signedIn.accessToken,
          `/api/rights${path}`,
          `${unionKey}:protection:${key}`,
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

const seed = async (): Promise<void> => {
  requireDemoMode();
  let recorded = 0;
  const count = <T extends { replayed: boolean }>(answer: T): T => {
    recorded += answer.replayed ? 0 : 1;

    return answer;
  };

  const machineTool = await cadreOf('machine-tool');
  const inspection = count(
    await machineTool.post('/inspections', 'inspection-2026-06', {
      unionId: machineTool.unionId,
      kind: 'general',
      inspectedOn: '2026-06-10',
      employerName: '沈阳第一机床厂',
      inspectors: ['张伟', '李娜'],
      findings: '二号车间消防通道堵塞；配电箱未接地',
    }),
  );
  const hazards = `/inspections/${inspection.id}/hazards`;
  const exit = count(
    await machineTool.post(hazards, 'inspection-2026-06:exit', {
      description: '二号车间消防通道堵塞',
      severity: 'major',
      foundOn: '2026-06-10',
    }),
  );
  count(
    await machineTool.post(
      `${hazards}/${exit.id}/rectification-request`,
      'inspection-2026-06:exit:request',
      { requestedOn: '2026-06-11', dueOn: '2026-06-25' },
    ),
  );
  count(
    await machineTool.post(`${hazards}/${exit.id}/rectified`, 'inspection-2026-06:exit:rectified', {
      rectifiedOn: '2026-06-20',
    }),
  );
  count(
    await machineTool.post(
      `${hazards}/${exit.id}/verification`,
      'inspection-2026-06:exit:verified',
      { verifiedOn: '2026-06-23', by: '张伟' },
    ),
  );
  const earthing = count(
    await machineTool.post(hazards, 'inspection-2026-06:earthing', {
      description: '配电箱未接地',
      severity: 'serious',
      foundOn: '2026-06-10',
    }),
  );
  // Never rectified: overdue from 2026-06-19, when the clock next runs.
  count(
    await machineTool.post(
      `${hazards}/${earthing.id}/rectification-request`,
      'inspection-2026-06:earthing:request',
      { requestedOn: '2026-06-11', dueOn: '2026-06-18' },
    ),
  );

  const hospital = await cadreOf('hospital');
  count(
    await hospital.post('/inspections', 'women-special-2026-09', {
      unionId: hospital.unionId,
      kind: 'women_special',
      periodsChecked: ['pregnancy', 'nursing', 'menopause'],
      inspectedOn: '2026-09-15',
      employerName: '沈河区人民医院',
      inspectors: ['赵敏'],
      findings: '孕期、哺乳期女职工未安排夜班；更年期女职工体检已落实',
    }),
  );

  console.log(
    recorded > 0
      ? `Demo labour-protection records (inspections, hazards): ${recorded}.`
      : 'Demo labour-protection records already recorded.',
  );
  const officer = await signIn(`${DEMO_MUNICIPALITY.key}.officer`, DEMO_PASSWORD);
  if (officer) {
    const cityId = officer.user.orgUnitId!;
    const summary = await call(
      'GET',
      `/api/reporting/reports/org-units/${cityId}/summary`,
      officer.accessToken,
    );
    const { inspections, hazardsFound, hazardsRectified, hazardsOverdue } = summary.body as Record<
      string,
      unknown
    >;
    console.log(
      `  ${GATEWAY}/api/reporting/reports/org-units/${cityId}/summary → ${JSON.stringify({ inspections, hazardsFound, hazardsRectified, hazardsOverdue })}`,
    );
  }
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
