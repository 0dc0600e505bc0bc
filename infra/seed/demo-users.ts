import { requireDemoMode } from './demo-mode';
import type { DemoUser } from './demo-users.data';
import { DEFAULT_DEMO_PASSWORD, demoUsers } from './demo-users.data';
import { call, GATEWAY, signInAsAdmin } from './gateway-client';

/**
 * Creates the demo accounts through the gateway's API, signed in as `admin`, once the gateway's
 * org tree holds their units; accounts that exist already are left as they are. With argument
 * `federation` only the federations' accounts (before the unions exist), with `unions` only the
 * cadres' (then prints how to sign in), without one all.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;
const PHASE = process.argv[2];

interface OrgUnit {
  orgUnitId: string;
  kind: string;
  name: string;
  orgPath: string;
}

const keyOf = (unit: { kind: string; name: string }) => `${unit.kind}:${unit.name}`;

// The gateway learns the demo region from organisation's topic: wait until it has every unit.
const awaitUnits = async (token: string, users: DemoUser[]): Promise<Map<string, OrgUnit>> => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await call('GET', '/org-units?limit=500', token);
    const units = new Map(
      ((body as { orgUnits?: OrgUnit[] }).orgUnits ?? []).map((u) => [keyOf(u), u]),
    );
    const missing = users.filter((user) => !units.has(keyOf(user.unit)));
    if (missing.length === 0) return units;
    if (Date.now() > deadline)
      throw new Error(
        `The gateway does not know these demo units yet: ${missing.map((u) => u.unit.name).join(', ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  if (PHASE !== undefined && PHASE !== 'federation' && PHASE !== 'unions')
    throw new Error(`Unknown argument ${PHASE}: federation, unions or none.`);
  const users = demoUsers().filter(
    (user) => PHASE === undefined || (user.unit.kind === 'union') === (PHASE === 'unions'),
  );
  const token = await signInAsAdmin();
  const units = await awaitUnits(token, users);
  const { body } = await call('GET', '/users?limit=500', token);
  const existing = new Set(
    ((body as { users?: { username: string }[] }).users ?? []).map((u) => u.username),
  );
  let created = 0;
  for (const user of users.filter((u) => !existing.has(u.username))) {
    const answer = await call('POST', '/users', token, {
      username: user.username,
      password: DEMO_PASSWORD,
      role: user.role,
      orgUnitId: units.get(keyOf(user.unit))!.orgUnitId,
    });
    if (answer.status !== 201)
      throw new Error(
        `The demo user ${user.username} was not created (${answer.status}): ${JSON.stringify(answer.body)}`,
      );
    created += 1;
  }
  console.log(
    created > 0
      ? `Demo users created: ${created}.`
      : 'Demo users already exist (left as they are).',
  );
  if (PHASE === 'federation') return;
  console.log(`\nSign in at ${GATEWAY}/auth/login with one of (password "${DEMO_PASSWORD}"):`);
  for (const user of demoUsers())
    console.log(`  ${user.username.padEnd(26)} ${user.role.padEnd(19)} ${user.unit.name}`);
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
