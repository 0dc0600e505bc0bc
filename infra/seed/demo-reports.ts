import { businessDate } from '@taizhang/domain';

import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * 报表报送 for the demo (issue 13): the first street's officer submits last month's report, so
 * its district sees one street submitted and the others not yet; the late entry of the next
 * step (dated last month, recorded after) then shows in the report's `changesSince`. A street
 * that already submitted the period is left as it is: a second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const lastMonthOf = (today: string): string => {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];

  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};

const signInAs = async (username: string) => {
  const signedIn = await signIn(username, DEMO_PASSWORD);
  if (!signedIn)
    throw new Error(`The demo user ${username} cannot sign in with the demo password.`);

  return signedIn;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to 30 s) until the street's figures stop moving: the earlier steps have arrived. */
const settled = async (token: string, path: string): Promise<void> => {
  const deadline = Date.now() + 30_000;
  let before = JSON.stringify((await call('GET', path, token)).body);
  while (Date.now() < deadline) {
    await pause(1_000);
    const now = JSON.stringify((await call('GET', path, token)).body);
    if (now === before) return;
    before = now;
  }
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  const district = DEMO_DISTRICTS[0]!;
  const street = district.streets[0]!;
  const officer = await signInAs(`${street.key}.officer`);
  const districtOfficer = await signInAs(`${district.key}.officer`);
  const streetId = officer.user.orgUnitId!;
  const districtId = districtOfficer.user.orgUnitId!;
  const period = lastMonthOf(businessDate(new Date()));
  const state = `/api/reporting/reports/org-units/${districtId}/submissions?period=${period}`;
  const children = (await call('GET', state, districtOfficer.accessToken)).body as {
    children?: { orgUnitId: string; submission: { reportId: string } | null }[];
  };
  const already = children.children?.find((child) => child.orgUnitId === streetId)?.submission;
  if (already) {
    console.log(`The demo street already submitted ${period}: report ${already.reportId}.`);

    return;
  }
  await settled(officer.accessToken, `/api/reporting/reports/org-units/${streetId}/summary`);
  const { id } = await seedCommand(
    officer.accessToken,
    `/api/reporting/reports/org-units/${streetId}/submissions`,
    `${street.key}:report:${period}`,
    { period },
  );
  console.log(`${street.key}.officer submitted the report of ${period} (报表报送).`);
  console.log(`  ${GATEWAY}${state} (as ${district.key}.officer)`);
  console.log(`  ${GATEWAY}/api/reporting/reports/submissions/${id}`);
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
