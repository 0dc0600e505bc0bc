import { requireDemoMode } from './demo-mode';
import { DEMO_MUNICIPALITY } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * Seeds affairs disclosures 厂务公开 and labour-relations early warnings 劳动关系预警 through the
 * gateway: 沈阳第一机床厂工会's disclosure of wages and 五险一金 on the notice board and
 * 沈河区人民医院工会's at its congress, each by the union's cadre; a yellow warning of unpaid wages
 * raised by the machine-tool union's cadre and followed up, and an orange one of the 和平区
 * federation's own about a closing employer. Fixed Idempotency-Keys: a second run records nothing.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

/** The 第一责任人 … 第一评价人 of a unit's disclosures (厂务公开责任制). */
const responsible = (secretary: string, head: string, supervisor: string) => ({
  firstResponsible: secretary,
  firstExecutor: head,
  firstSupervisor: supervisor,
  firstEvaluator: '全体职工',
});

const signedInAs = async (username: string) => {
  const signedIn = await signIn(username, DEMO_PASSWORD);
  if (!signedIn) throw new Error(`The demo user ${username} cannot sign in.`);
  // Rights learns the units from organisation's topic: one it has not heard of yet is a 404 for
  // a few moments after the units are seeded.
  const post = async (path: string, key: string, body: unknown) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return await seedCommand(
          signedIn.accessToken,
          `/api/rights${path}`,
          `${username}:disclosure:${key}`,
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
  const count = ({ replayed }: { replayed: boolean }) => (recorded += replayed ? 0 : 1);

  const machineTool = await signedInAs('machine-tool.cadre');
  count(
    await machineTool.post('/disclosures', 'factory-2026-q1', {
      unionId: machineTool.unitId,
      kind: 'factory',
      disclosedOn: '2026-04-08',
      items: ['wages_bonuses', 'social_insurance', 'welfare'],
      audience: 'all_workers',
      channel: 'notice_board',
      responsiblePersons: responsible('张振华', '李国栋', '王丽'),
      notes: '一季度奖金分配方案及五险一金缴纳情况',
    }),
  );
  const warning = await machineTool.post('/early-warnings', 'warning-wages', {
    orgUnitId: machineTool.unitId,
    employerName: '沈阳第一机床厂铸造分厂',
    risk: 'wage_arrears',
    level: 'yellow',
    raisedOn: '2026-10-15',
    description: '铸造分厂拖欠一线职工两个月绩效工资，职工反映强烈',
  });
  count(warning);
  count(
    await machineTool.post(`/early-warnings/${warning.id}/follow-ups`, 'warning-wages:talk', {
      on: '2026-10-18',
      action: '工会主席约谈分厂负责人，督促制定补发计划',
    }),
  );

  const hospital = await signedInAs('hospital.cadre');
  count(
    await hospital.post('/disclosures', 'hospital-2026', {
      unionId: hospital.unitId,
      kind: 'factory',
      disclosedOn: '2026-06-20',
      items: ['promotion', 'hardship_grants'],
      audience: 'delegates',
      channel: 'congress',
      responsiblePersons: responsible('刘建军', '陈院长', '孙主席'),
    }),
  );

  const heping = await signedInAs('heping.officer');
  count(
    await heping.post('/early-warnings', 'warning-closure', {
      orgUnitId: heping.unitId,
      employerName: '和平区某服装有限公司',
      risk: 'closure',
      level: 'orange',
      raisedOn: '2026-11-02',
      description: '企业拟停产搬迁，涉及职工120人，经济补偿方案尚未公布',
    }),
  );

  console.log(
    recorded > 0
      ? `Demo disclosures and early warnings: ${recorded}.`
      : 'Demo disclosures and early warnings already recorded.',
  );
  const officer = await signIn(`${DEMO_MUNICIPALITY.key}.officer`, DEMO_PASSWORD);
  if (officer) {
    const cityId = officer.user.orgUnitId!;
    const summary = await call(
      'GET',
      `/api/reporting/reports/org-units/${cityId}/summary`,
      officer.accessToken,
    );
    const { unionsWithDisclosure, earlyWarningsOpen } = summary.body as Record<string, unknown>;
    console.log(
      `  ${GATEWAY}/api/reporting/reports/org-units/${cityId}/summary → ${JSON.stringify({ unionsWithDisclosure, earlyWarningsOpen })}`,
    );
  }
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
