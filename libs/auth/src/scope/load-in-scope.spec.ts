import { NotFoundError } from '@taizhang/event-store';

import type { AuthenticatedUser } from '../authenticated-user';
import type { ScopedTarget } from './load-in-scope';
import { atOwnPath, loadInScope, scopedLoader } from './load-in-scope';
import { NotAboveTargetError, ReadOnlyRoleError } from './scope.errors';

type Caller = Pick<AuthenticatedUser, 'role' | 'orgPath'>;
type Thing = { status: 'None' } | { status: 'Active'; orgPath: string };

const cadre: Caller = { role: 'union_cadre', orgPath: 'c/d1/s1/u1' };
const auditor: Caller = { role: 'auditor', orgPath: 'c/d1' };
const officer: Caller = { role: 'federation_officer', orgPath: 'c/d1' };

const notFound = () => new NotFoundError('Thing t does not exist. / 不存在。');

const thingAt = (
  state: Thing,
  version = 3,
): ScopedTarget<Thing, Exclude<Thing, { status: 'None' }>> => ({
  load: () => Promise.resolve({ state, version }),
  exists: (found): found is Exclude<Thing, { status: 'None' }> => found.status !== 'None',
  unitOf: (found) => ({ id: 't', path: found.orgPath }),
  notFound,
});

const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('loadInScope', () => {
  it('gives the target, the version it was read at and its unit', async () => {
    const target = thingAt({ status: 'Active', orgPath: 'c/d1/s1/u1/b1' }, 7);

    await expect(loadInScope(cadre, target)).resolves.toEqual({
      state: { status: 'Active', orgPath: 'c/d1/s1/u1/b1' },
      version: 7,
      unit: { id: 't', path: 'c/d1/s1/u1/b1' },
    });
  });

  it("answers the target's own 404 when it is absent, and the same one outside the scope", async () => {
    const absent = await refusal(loadInScope(cadre, thingAt({ status: 'None' })));
    const outside = await refusal(
      loadInScope(cadre, thingAt({ status: 'Active', orgPath: 'c/d1/s1/u2' })),
    );

    expect(absent).toEqual(notFound());
    expect(outside).toEqual(notFound());
  });

  it('passes access and strictlyBelow on: 403 to an auditor writing, and to a unit on itself', async () => {
    const union = thingAt({ status: 'Active', orgPath: 'c/d1/s1/u1' });

    await expect(loadInScope(auditor, union)).resolves.toBeDefined();
    expect(await refusal(loadInScope(auditor, union, { access: 'write' }))).toBeInstanceOf(
      ReadOnlyRoleError,
    );
    expect(await refusal(loadInScope(cadre, union, { strictlyBelow: true }))).toBeInstanceOf(
      NotAboveTargetError,
    );
    await expect(
      loadInScope(officer, union, { access: 'write', strictlyBelow: true }),
    ).resolves.toBeDefined();
  });

  it('waits for a unit read asynchronously (a member placed by their union)', async () => {
    const target = {
      ...thingAt({ status: 'Active', orgPath: 'ignored' }),
      unitOf: () => Promise.resolve({ id: 'u9', path: 'c/d2/s1/u9' }),
    };

    expect(await refusal(loadInScope(officer, target))).toEqual(notFound());
  });
});

describe('scopedLoader', () => {
  const none: Thing = { status: 'None' };
  const things = new Map<string, Thing>([['t', { status: 'Active', orgPath: 'c/d1/s1/u1/b1' }]]);
  const loadThingInScope = scopedLoader({
    load: (store: Map<string, Thing>, id: string) =>
      Promise.resolve({ state: store.get(id) ?? none, version: 2 }),
    exists: (found: Thing): found is Exclude<Thing, { status: 'None' }> => found.status !== 'None',
    unitOf: atOwnPath,
    notFound: (id) => new NotFoundError(`Thing ${id} does not exist. / 不存在。`),
  });

  it('loads the id from the store, at the path its state holds', async () => {
    await expect(loadThingInScope(things, cadre, 't')).resolves.toEqual({
      state: { status: 'Active', orgPath: 'c/d1/s1/u1/b1' },
      version: 2,
      unit: { id: 't', path: 'c/d1/s1/u1/b1' },
    });
  });

  it("answers the kind's 404 for the id, and passes the scope options on", async () => {
    expect(await refusal(loadThingInScope(things, cadre, 'x'))).toEqual(
      new NotFoundError('Thing x does not exist. / 不存在。'),
    );
    expect(
      await refusal(loadThingInScope(things, auditor, 't', { access: 'write' })),
    ).toBeInstanceOf(ReadOnlyRoleError);
  });
});
