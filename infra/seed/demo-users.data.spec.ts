import { DEMO_DISTRICTS } from './demo-region.data';
import { demoUsers } from './demo-users.data';

describe('the demo users', () => {
  const users = demoUsers();

  it('give every role a sign-in, at every level of the demo region', () => {
    const unions = DEMO_DISTRICTS.flatMap((d) => d.streets.flatMap((s) => s.unions));

    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['auditor', 'federation_officer', 'union_cadre']),
    );
    expect(users.filter((u) => u.role === 'union_cadre')).toHaveLength(unions.length);
    expect(users.filter((u) => u.unit.kind === 'district')).toHaveLength(DEMO_DISTRICTS.length);
  });

  it('have unique usernames the gateway accepts', () => {
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    for (const { username } of users) expect(username).toMatch(/^[a-z0-9][a-z0-9._-]{2,63}$/);
  });
});
