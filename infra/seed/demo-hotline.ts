import { requireDemoMode } from './demo-mode';
import { DEMO_MUNICIPALITY } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * Seeds 12351 hotline tickets (热线工单) and a legal aid request (法律援助) through the gateway: one
 * received by 和平区总工会 and handed down to 沈阳第一机床厂工会, answered and closed on time; a
 * legal aid request of 沈河区人民医院工会 closed late; one still open at the district. Fixed
 * Idempotency-Keys: a second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const signedInAs = async (username: string) => {
  const signedIn = await signIn(username, DEMO_PASSWORD);
  if (!signedIn) throw new Error(`The demo user ${username} cannot sign in.`);
  // Rights learns the units from organisation's topic: one it has not heard of yet is a 404 for
  // a few moments after the region is seeded.
  const post = async (path: string, key: string, body: unknown) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return await seedCommand(
          signedIn.accessToken,
          `/api/rights/hotline-tickets${path}`,
          `${username}:hotline:${key}`,
          body,
        );
      } catch (error) {
        if (!String(error).includes('(404)') || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };

  return { unitId: signedIn.user.orgUnitId!, post };
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  let recorded = 0;
  const count = <T extends { replayed: boolean }>(answer: T): T => {
    recorded += answer.replayed ? 0 : 1;

    return answer;
  };
  const heping = await signedInAs('heping.officer');
  const machineTool = await signedInAs('machine-tool.cadre');
  const hospital = await signedInAs('hospital.cadre');

  // On time: the district hands it to the union, which answers within its 5 days.
  const wages = count(
    await heping.post('', 'wages-2026-06', {
      orgUnitId: heping.unitId,
      channel: 'phone_12351',
      category: 'unpaid_wages',
      receivedAt: '2026-06-02T09:15:00+08:00',
      callerName: '孙丽',
      callerUnionId: machineTool.unitId,
      summary: '车间三名职工反映四、五月份工资未按时发放',
    }),
  );
  count(
    await heping.post(`/${wages.id}/assignment`, 'wages-2026-06:assignment', {
      toOrgUnitId: machineTool.unitId,
      assignedAt: '2026-06-02T14:00:00+08:00',
    }),
  );
  count(
    await machineTool.post(`/${wages.id}/call-back`, 'wages-2026-06:call-back', {
      calledBackAt: '2026-06-04T16:30:00+08:00',
      note: '已与企业人力资源部沟通，企业承诺本月十日前补发',
    }),
  );
  count(
    await machineTool.post(`/${wages.id}/closure`, 'wages-2026-06:closure', {
      closedAt: '2026-06-10T17:00:00+08:00',
      outcome: 'resolved',
      satisfaction: 5,
      wagesRecoveredFen: 1_860_000,
    }),
  );

  // Late: a legal aid request answered only when it was closed, past the union's days.
  const legalAid = count(
    await hospital.post('', 'legal-aid-2026-07', {
      orgUnitId: hospital.unitId,
      channel: 'walk_in',
      category: 'legal_aid',
      receivedAt: '2026-07-01T10:00:00+08:00',
      callerName: '周静',
      summary: '劳动合同到期不续签，申请工会法律援助',
    }),
  );
  count(
    await hospital.post(`/${legalAid.id}/closure`, 'legal-aid-2026-07:closure', {
      closedAt: '2026-07-15T15:00:00+08:00',
      outcome: 'referred',
      satisfaction: 3,
    }),
  );

  // Open at the district.
  count(
    await heping.post('', 'social-insurance-2026-11', {
      orgUnitId: heping.unitId,
      channel: 'online',
      category: 'social_insurance',
      receivedAt: '2026-11-28T11:20:00+08:00',
      summary: '快递网点未为骑手缴纳工伤保险',
    }),
  );

  console.log(
    recorded > 0
      ? `Demo hotline tickets (12351, legal aid): ${recorded} records.`
      : 'Demo hotline tickets already recorded.',
  );
  const officer = await signIn(`${DEMO_MUNICIPALITY.key}.officer`, DEMO_PASSWORD);
  if (officer) {
    const cityId = officer.user.orgUnitId!;
    const summary = await call(
      'GET',
      `/api/reporting/reports/org-units/${cityId}/summary`,
      officer.accessToken,
    );
    const { hotlineTickets, hotlineOnTimeRate, hotlineSatisfaction, hotlineWagesRecoveredFen } =
      summary.body as Record<string, unknown>;
    console.log(
      `  ${GATEWAY}/api/reporting/reports/org-units/${cityId}/summary → ${JSON.stringify({ hotlineTickets, hotlineOnTimeRate, hotlineSatisfaction, hotlineWagesRecoveredFen })}`,
    );
  }
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
