import { demoCreditCode } from './credit-code';
import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * A union's life in the demo street 南市场, by the street's own officer: a union dissolved with
 * its members (the street then holds their membership, 保留会籍), a union registered as it was
 * whose committee's term ends within 90 days (换届预警 ahead of time), and a founding application
 * the street left waiting past the 15-day limit (逾期未批复, raised by organisation's answer
 * clock). Fixed Idempotency-Keys: a second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;
const STREET = DEMO_DISTRICTS[0]!.streets[0]!;

const member = (name: string, gender: 'female' | 'male', idCardNumber: string, joinedOn: string) => ({
  name,
  gender,
  idCardNumber,
  employmentForm: 'regular',
  migrantWorker: false,
  channel: 'individual',
  joinedOn,
});
const PRINT_WORKS_MEMBERS = [
  member('赵德明', 'male', '210102196708230413', '1990-04-01'),
  member('孙秀梅', 'female', '21010219750314062X', '1996-09-01'),
  member('周国强', 'male', '210102198106020338', '2004-03-15'),
];

/** Today in China, and the election date that makes a three-year term end in about 60 days. */
const chinaToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const electedForTermEndingSoon = (today: string): string => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 3);
  date.setUTCDate(date.getUTCDate() + 60);

  return date.toISOString().slice(0, 10);
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  const officer = await signIn(`${STREET.key}.officer`, DEMO_PASSWORD);
  if (!officer)
    throw new Error(`The demo user ${STREET.key}.officer cannot sign in with the demo password.`);
  const streetId = officer.user.orgUnitId!;
  const post = (path: string, key: string, body: unknown) =>
    seedCommand(officer.accessToken, `/api/organisation${path}`, `lifecycle:${key}`, body);

  // 撤销: the print works closed; the street holds its members' membership from that day.
  const printWorks = await post('/unions', 'print-works', {
    name: '沈阳南市场印刷厂工会委员会',
    parentId: streetId,
    establishedOn: '1988-06-01',
  });
  // A dissolved union takes no join, not even one replayed: a later run leaves it as it is.
  const { body } = await call('GET', `/api/organisation/unions/${printWorks.id}`, officer.accessToken);
  if ((body as { status?: string } | null)?.status !== 'Dissolved') {
    for (const [index, person] of PRINT_WORKS_MEMBERS.entries())
      await post(`/unions/${printWorks.id}/members`, `print-works:member:${index}`, person);
    await post(`/unions/${printWorks.id}/dissolve`, 'print-works:dissolve', {
      reason: '企业注销',
      dissolvedOn: '2026-06-30',
    });
  }

  // 存量工会登记 with the serving committee, its three-year term ending in about 60 days. The
  // date moves with the day the demo is seeded: a later run finds the union already registered.
  const electedOn = electedForTermEndingSoon(chinaToday());
  const migrated = await call(
    'POST',
    '/api/organisation/unions',
    officer.accessToken,
    {
      name: '沈阳南市场眼镜城联合工会',
      parentId: streetId,
      establishedOn: '2008-09-01',
      currentTerm: { electedOn, termYears: 3 },
    },
    { 'idempotency-key': 'demo-seed:lifecycle:term-ending-soon' },
  );
  if (migrated.status >= 300 && (migrated.body as { code?: string })?.code !== 'IDEMPOTENCY_KEY_REUSED')
    throw new Error(`The demo seed failed at /unions (${migrated.status}): ${JSON.stringify(migrated.body)}`);

  // 组建申请 submitted on 2026-10-09 and never answered: overdue from 2026-10-24.
  const bakery = demoCreditCode(61385027, '210102');
  await post('/employers', 'employer:bakery', {
    creditCode: bakery,
    name: '沈阳南市场老街烘焙食品有限公司',
    kind: 'enterprise',
    streetId,
    registeredOn: '2025-03-01',
    headcount: 42,
    femaleHeadcount: 30,
    migrantHeadcount: 18,
    newFormHeadcount: 0,
  });
  await post('/union-applications', 'application:bakery', {
    proposedName: '沈阳南市场老街烘焙食品有限公司工会委员会',
    parentId: streetId,
    employerIds: [bakery],
    submittedOn: '2026-10-09',
    preparatoryGroup: [
      { name: '韩冬梅', role: '筹备组组长' },
      { name: '马晓东', role: '成员' },
      { name: '邵丽娟', role: '成员' },
    ],
  });

  console.log('Demo union lifecycle recorded (dissolution, a term ending soon, an overdue answer).');
  console.log(
    `  ${GATEWAY}/api/reporting/reports/org-units/${streetId}/children (as ${STREET.key}.officer): heldDirectly.retainedMemberships, answersOverdue`,
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
