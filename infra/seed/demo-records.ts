import { demoCreditCode } from './credit-code';
import { requireDemoMode } from './demo-mode';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * Seeds the records of a founding as seed 003 describes it, in 和平区南市场街道: an employer with
 * its address, legal representative and registered capital, whose headcount of the registration
 * date is later corrected; the union founded there (application, approval, founding congress)
 * whose committee and offices become its cadres (三亮), the chair's phone and duties given
 * afterwards; and the 模范职工之家 the district confers on it for 2025. Fixed Idempotency-Keys: a
 * second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;
const CREDIT_CODE = demoCreditCode(71250836, '210102');

const officer = async (username: string) => {
  const signedIn = await signIn(username, DEMO_PASSWORD);
  if (!signedIn?.user.orgUnitId)
    throw new Error(`The demo user ${username} cannot sign in with the demo password.`);

  return { token: signedIn.accessToken, unitId: signedIn.user.orgUnitId };
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  const street = await officer('nanshichang.officer');
  const district = await officer('heping.officer');
  const org = (path: string) => `/api/organisation${path}`;
  const keyed = (key: string) => `records:${key}`;
  const commands = [
    () =>
      seedCommand(street.token, org('/employers'), keyed('employer'), {
        creditCode: CREDIT_CODE,
        name: '沈阳和平新松智能装备有限公司',
        kind: 'enterprise',
        streetId: street.unitId,
        registeredOn: '2024-01-02',
        headcount: 180,
        femaleHeadcount: 70,
        migrantHeadcount: 40,
        newFormHeadcount: 0,
        address: '沈阳市和平区南京南街8号',
        legalRepresentative: '赵立新',
        // 5,000万元 in fen.
        registeredCapital: 5_000_000_000,
      }),
    () =>
      seedCommand(street.token, org(`/employers/${CREDIT_CODE}/headcounts`), keyed('headcounts'), {
        asOf: '2025-06-30',
        headcount: 196,
        femaleHeadcount: 75,
        migrantHeadcount: 44,
        newFormHeadcount: 3,
      }),
    // The annual review found workers counted twice on the registration date (已离职仍在册).
    () =>
      seedCommand(
        street.token,
        org(`/employers/${CREDIT_CODE}/headcounts/corrections`),
        keyed('correction'),
        {
          asOf: '2024-01-02',
          headcount: 176,
          femaleHeadcount: 69,
          migrantHeadcount: 38,
          newFormHeadcount: 0,
          reason: '年报复核：4名已离职职工仍在册',
        },
      ),
  ];
  let recorded = 0;
  for (const command of commands) if (!(await command()).replayed) recorded += 1;

  const application = await seedCommand(street.token, org('/union-applications'), keyed('apply'), {
    proposedName: '沈阳和平新松智能装备有限公司工会委员会',
    parentId: street.unitId,
    employerIds: [CREDIT_CODE],
    submittedOn: '2024-02-20',
    preparatoryGroup: [
      { name: '麻军峰', role: '筹备组组长' },
      { name: '吕波', role: '成员' },
      { name: '杨冬利', role: '成员' },
    ],
  });
  const unionId = application.id;
  const founding = [
    () =>
      seedCommand(street.token, org(`/union-applications/${unionId}/approve`), keyed('approve'), {
        approvedOn: '2024-03-01',
      }),
    () =>
      seedCommand(
        street.token,
        org(`/union-applications/${unionId}/founding-congress`),
        keyed('congress'),
        {
          heldOn: '2024-03-15',
          entitledVoters: 61,
          present: 52,
          committee: [
            { name: '麻军峰', post: 'chair' },
            { name: '吕波', post: 'vice_chair' },
            { name: '布润宁', post: 'member' },
            { name: '杨冬利', post: 'member' },
            { name: '王丽', post: 'member' },
          ],
          offices: [
            { name: '杨冬利', office: 'women_committee_chair' },
            { name: '张强', office: 'audit_committee_chair' },
          ],
          termYears: 5,
        },
      ),
  ];
  for (const command of founding) if (!(await command()).replayed) recorded += 1;

  // 亮职责、亮承诺: the chair's phone and duties, given after the congress.
  const cadres = await call('GET', org(`/unions/${unionId}/cadres`), street.token);
  const chair = (
    cadres.body as { cadres: { cadreId: string; postCode: string | null }[] }
  ).cadres.find((cadre) => cadre.postCode === 'chair');
  if (!chair)
    throw new Error(`The demo union ${unionId} lists no chair: ${JSON.stringify(cadres.body)}`);
  const rest = [
    () =>
      seedCommand(
        street.token,
        org(`/unions/${unionId}/cadres/${chair.cadreId}/details`),
        keyed('chair-details'),
        {
          phone: '024-23456789',
          duties: '主持工会全面工作，代表职工参加集体协商、签订集体合同',
          pledge: '亮身份、亮职责、亮承诺，为职工办实事、解难事',
          effectiveOn: '2024-03-16',
        },
      ),
    () =>
      seedCommand(
        district.token,
        org(`/unions/${unionId}/workers-home-ratings`),
        keyed('model-workers-home'),
        {
          year: 2025,
          title: 'model_workers_home',
          awardedByOrgUnitId: district.unitId,
          awardedOn: '2026-01-10',
        },
      ),
  ];
  for (const command of rest) if (!(await command()).replayed) recorded += 1;
  console.log(
    recorded > 0
      ? `Demo records (founding, cadres, Workers' Home, employer corrections) recorded: ${recorded}.`
      : 'Demo records already recorded.',
  );
  console.log(`  ${GATEWAY}/api/organisation/unions/${unionId}/cadres (as nanshichang.officer)`);
  console.log(
    `  ${GATEWAY}/api/reporting/reports/org-units/${district.unitId}/workers-homes?year=2025 (as heping.officer)`,
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
