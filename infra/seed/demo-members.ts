import { requireDemoMode } from './demo-mode';
import { DEMO_DISTRICTS, DEMO_MUNICIPALITY } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { call, GATEWAY, seedCommand, signIn } from './gateway-client';

/**
 * Seeds the demo members through the gateway, each union's members by that union's own cadre
 * (`<union>.cadre`, created by demo-users.ts), then waits until the city's officer sees them all
 * in the municipal summary. Fixed Idempotency-Keys: a second run records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const signInAs = async (username: string) => {
  const signedIn = await signIn(username, DEMO_PASSWORD);
  if (!signedIn)
    throw new Error(`The demo user ${username} cannot sign in with the demo password.`);

  return signedIn;
};

const waitForSummary = async (token: string, cityId: string, members: number) => {
  const deadline = Date.now() + 30_000;
  let last: unknown = null;
  while (Date.now() < deadline) {
    const answer = await call('GET', `/api/reporting/reports/org-units/${cityId}/summary`, token);
    if (answer.status === 200) {
      last = answer.body;
      if ((last as { members: number }).members >= members) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return last;
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  let members = 0;
  let recorded = 0;
  for (const union of DEMO_DISTRICTS.flatMap((d) => d.streets.flatMap((s) => s.unions))) {
    const cadre = await signInAs(`${union.key}.cadre`);
    const post = (path: string, key: string, body: unknown) =>
      seedCommand(cadre.accessToken, `/api/organisation${path}`, key, body);
    for (const [index, { retained, ...member }] of union.members.entries()) {
      const joined = await post(
        `/unions/${cadre.user.orgUnitId}/members`,
        `${union.key}:member-v2:${index}`,
        member,
      );
      if (!joined.replayed) recorded += 1;
      if (retained)
        await post(
          `/members/${joined.id}/retain`,
          `${union.key}:member-v2:${index}:retain`,
          retained,
        );
      else members += 1;
    }
  }
  const officer = await signInAs(`${DEMO_MUNICIPALITY.key}.officer`);
  const cityId = officer.user.orgUnitId!;
  const summary = await waitForSummary(officer.accessToken, cityId, members);
  console.log(
    recorded > 0
      ? `Demo members recorded by their unions' cadres: ${recorded}.`
      : 'Demo members already recorded.',
  );
  console.log(
    `  ${GATEWAY}/api/reporting/reports/org-units/${cityId}/summary (as ${DEMO_MUNICIPALITY.key}.officer) → ${JSON.stringify(summary)}`,
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
