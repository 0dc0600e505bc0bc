import { businessDate } from '@taizhang/domain';

import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS, DEMO_MUNICIPALITY } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * A late entry for the demo (DESIGN §7, issue 11 items 12–14): after every other member, the
 * first union's cadre records a join dated the first day of last month — a woman, a migrant
 * worker in a new form of employment —, so the city's summary as known just before differs from
 * now (`knownAt`, `lateChanges`), the lateness of this month has a late record, and the workforce
 * parts' 入会率 move. Fixed Idempotency-Key: a second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

// GB 11643 check digit, so the synthetic ID card number is a valid one.
const withCheckDigit = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, digit, i) => s + Number(digit) * weights[i]!, 0);

  return `${first17}${'10X98765432'[sum % 11]!}`;
};

const firstDayOfLastMonth = (today: string): string => {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const last = month === 1 ? [year - 1, 12] : [year, month - 1];

  return `${last[0]}-${String(last[1]).padStart(2, '0')}-01`;
};

const signInAs = async (username: string) => {
  const signedIn = await signIn(username, DEMO_PASSWORD);
  if (!signedIn)
    throw new Error(`The demo user ${username} cannot sign in with the demo password.`);

  return signedIn;
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  const union = DEMO_DISTRICTS[0]!.streets[0]!.unions[0]!;
  const cadre = await signInAs(`${union.key}.cadre`);
  const before = new Date().toISOString();
  const today = businessDate(new Date());
  const joined = await seedCommand(
    cadre.accessToken,
    `/api/organisation/unions/${cadre.user.orgUnitId}/members`,
    `${union.key}:late-entry`,
    {
      name: '陈静',
      gender: 'female',
      idCardNumber: withCheckDigit('21010219900512032'),
      phone: '13940001234',
      employmentForm: 'new_form',
      migrantWorker: true,
      channel: 'individual',
      joinedOn: firstDayOfLastMonth(today),
    },
  );
  const officer = await signInAs(`${DEMO_MUNICIPALITY.key}.officer`);
  const city = officer.user.orgUnitId!;
  const known = `/api/reporting/reports/org-units/${city}/summary?knownAt=${encodeURIComponent(before)}`;
  // The join reaches reporting through the topic: wait until the city's figures as known now
  // count it, so that the difference shows.
  const deadline = Date.now() + 30_000;
  let answer = await call('GET', known, officer.accessToken);
  while (
    !joined.replayed &&
    Date.now() < deadline &&
    (answer.body as { lateChanges?: { members: number } }).lateChanges?.members !== 1
  ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    answer = await call('GET', known, officer.accessToken);
  }
  console.log(
    joined.replayed
      ? 'The demo late entry was already recorded.'
      : `A late entry recorded today, dated ${firstDayOfLastMonth(today)}.`,
  );
  console.log(
    `  ${GATEWAY}${known} (as ${DEMO_MUNICIPALITY.key}.officer) → lateChanges ${JSON.stringify((answer.body as { lateChanges?: unknown }).lateChanges)}`,
  );
  console.log(
    `  ${GATEWAY}/api/reporting/reports/org-units/${city}/lateness?from=${today.slice(0, 7)}&to=${today.slice(0, 7)}`,
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
