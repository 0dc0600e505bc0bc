import fc from 'fast-check';

import { nestsDeeperThan } from './json-nesting';

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object'
    ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
    : 0;

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('nestsDeeperThan', () => {
  it('counts nesting as the parsed value has it, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(9), (value, limit) => {
        const text = JSON.stringify(value);

        return nestsDeeperThan(bytes(text), limit) === depthOf(JSON.parse(text)) > limit;
      }),
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(bytes(JSON.stringify({ a: '[[[[{{{{', b: '\\"[[[' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes('["\\\\", [[]]]'), 2)).toBe(true);
  });

  it('stops at the limit: 6,000 levels are refused', () => {
    expect(nestsDeeperThan(bytes('['.repeat(6000) + ']'.repeat(6000)), 64)).toBe(true);
    expect(nestsDeeperThan(bytes('['.repeat(64) + ']'.repeat(64)), 64)).toBe(false);
  });
});
