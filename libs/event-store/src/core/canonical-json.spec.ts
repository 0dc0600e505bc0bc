import fc from 'fast-check';

import { canonicalJson } from './canonical-json';

// The first implementation (a sorted copy, then JSON.stringify): every stored hash was computed
// with it, so the direct one must write exactly the same text.
const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;

    return Object.fromEntries(
      Object.keys(source)
        .filter((key) => source[key] !== undefined)
        .sort()
        .map((key) => [key, sortKeys(source[key])]),
    );
  }

  return value;
};
const firstCanonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

describe('canonicalJson', () => {
  it('writes exactly what the first implementation wrote, for any JSON value', () =>
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        expect(canonicalJson(value)).toBe(firstCanonicalJson(value)),
      ),
      { numRuns: 2000 },
    ));

  it('sorts keys at every level, drops undefined members, and writes dates as ISO strings', () =>
    expect(
      canonicalJson({
        b: [{ z: 1, a: '工会' }, undefined],
        a: new Date('2026-03-01T00:00:00Z'),
        c: undefined,
      }),
    ).toBe('{"a":"2026-03-01T00:00:00.000Z","b":[{"a":"工会","z":1},null]}'));

  it('matches the first implementation on envelopes with optional members left out', () =>
    fc.assert(
      fc.property(
        fc.record(
          {
            id: fc.uuid(),
            name: fc.string(),
            at: fc.date({ noInvalidDate: true }),
            n: fc.option(fc.integer()),
          },
          { requiredKeys: ['id'] },
        ),
        (value) => expect(canonicalJson(value)).toBe(firstCanonicalJson(value)),
      ),
    ));
});
