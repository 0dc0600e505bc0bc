import { answerKey } from './answer-key';

describe('answerKey', () => {
  const key = (parts: Record<string, string | null>, generation = 'g1', today = '2026-03-01') =>
    answerKey('p:', generation, today, { route: 'summary', orgUnitId: 'm', parts });

  it('is the same for the same parts in any order, and differs by each part', () => {
    expect(key({ asOf: '2025-12-31', knownAt: null })).toBe(
      key({ knownAt: null, asOf: '2025-12-31' }),
    );
    const keys = [
      key({ asOf: '2025-12-31', knownAt: null }),
      key({ asOf: '2025-12-30', knownAt: null }),
      key({ asOf: '2025-12-31', knownAt: '2026-01-15T00:00:00Z' }),
      key({ asOf: '2025-12-31', knownAt: null }, 'g2'),
      key({ asOf: '2025-12-31', knownAt: null }, 'g1', '2026-03-02'),
      answerKey('p:', 'g1', '2026-03-01', {
        route: 'children',
        orgUnitId: 'm',
        parts: { asOf: '2025-12-31', knownAt: null },
      }),
      answerKey('p:', 'g1', '2026-03-01', {
        route: 'summary',
        orgUnitId: 'm/d1',
        parts: { asOf: '2025-12-31', knownAt: null },
      }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never lets one part run into the next', () => {
    expect(answerKey('p:', 'g', 't', { route: 'a:b', orgUnitId: 'c', parts: {} })).not.toBe(
      answerKey('p:', 'g', 't', { route: 'a', orgUnitId: 'b:c', parts: {} }),
    );
    expect(key({ a: 'x:y', b: null })).not.toBe(key({ a: 'x', b: 'y' }));
    expect(key({ asOf: null })).not.toBe(key({ asOf: 'null' }));
  });

  it('starts with the prefix and the generation, so a new generation leaves the old keys behind', () => {
    expect(key({}, 'abc')).toMatch(/^p:answer:abc:/);
  });
});
