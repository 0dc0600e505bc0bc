import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, seedCommand, signIn } from './gateway-client';

/**
 * Seeds what the lists of issue 11 (item 10) would otherwise show empty in the demo: committee
 * terms (the demo unions were registered as they were, without one), one ending within 90 days
 * of December 2026 and one ended with its re-election waiting for the street's approval (换届预警,
 * pending approvals), and a founding application for the street's employer without a union.
 * Recorded by the street's officer (`<street>.officer`). Fixed dates and Idempotency-Keys; a
 * step already taken (a term on record, an application waiting) is not sent again.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const STREET = 'nanshichang';
const committee = [
  { name: '王秀英', post: 'chair' },
  { name: '李建国', post: 'member' },
  { name: '张丽', post: 'member' },
];
const election = (heldOn: string) => ({
  heldOn,
  entitledVoters: 30,
  present: 27,
  committee,
  termYears: 5,
});

/** Each union's elections: approved ones give its term, a last one without approval waits. */
const ELECTIONS = [
  // Term ends 2026-12-19.
  { union: 'machine-tool', approved: [{ heldOn: '2021-12-20', approvedOn: '2021-12-28' }] },
  // Term ended 2026-05-31; the re-election of 2026-11-28 waits for the street.
  {
    union: 'taiyuan-market',
    approved: [{ heldOn: '2021-06-01', approvedOn: '2021-06-05' }],
    pending: '2026-11-28',
  },
];

const signInAs = async (username: string) => {
  const signedIn = await signIn(username, DEMO_PASSWORD);
  if (!signedIn)
    throw new Error(`The demo user ${username} cannot sign in with the demo password.`);

  return signedIn;
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  const street = DEMO_DISTRICTS.flatMap((district) => district.streets).find(
    (candidate) => candidate.key === STREET,
  )!;
  const officer = await signInAs(`${STREET}.officer`);
  const token = officer.accessToken;
  const streetId = officer.user.orgUnitId!;
  let recorded = 0;
  for (const { union: key, approved, pending } of ELECTIONS) {
    const unionId = (await signInAs(`${key}.cadre`)).user.orgUnitId!;
    const union = (await call('GET', `/api/organisation/unions/${unionId}`, token)).body as {
      termEndsOn?: string;
    };
    if (union.termEndsOn) continue;
    for (const [index, { heldOn, approvedOn }] of approved.entries()) {
      await seedCommand(
        token,
        `/api/organisation/unions/${unionId}/elections`,
        `${key}:election:${index}`,
        election(heldOn),
      );
      await seedCommand(
        token,
        `/api/organisation/unions/${unionId}/elections/approve`,
        `${key}:election:${index}:approve`,
        { approvedOn },
      );
      recorded += 2;
    }
    if (pending) {
      await seedCommand(
        token,
        `/api/organisation/unions/${unionId}/elections`,
        `${key}:election:pending`,
        election(pending),
      );
      recorded += 1;
    }
  }
  const waiting = await call(
    'GET',
    `/api/organisation/org-units/${streetId}/pending-approvals?kind=application`,
    token,
  );
  if ((waiting.body as { total: number }).total === 0) {
    const employer = street.employers.find((candidate) => candidate.key === 'property')!;
    await seedCommand(
      token,
      '/api/organisation/union-applications',
      `${STREET}:application:property`,
      {
        proposedName: `${employer.name}工会委员会`,
        parentId: streetId,
        employerIds: [employer.creditCode],
        preparatoryGroup: [
          { name: '孙伟', role: '筹备组组长' },
          { name: '周敏', role: '成员' },
          { name: '吴刚', role: '成员' },
        ],
        submittedOn: '2026-11-20',
      },
    );
    recorded += 1;
  }
  console.log(
    recorded > 0
      ? `Demo terms, elections and applications recorded: ${recorded}.`
      : 'Demo terms, elections and applications already recorded.',
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
