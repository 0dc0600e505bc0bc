import { IllegalStateError } from '@taizhang/event-store';

import { checkPlacement } from './user-placement';

const union = { kind: 'union' as const, dissolved: false };
const district = { kind: 'district' as const, dissolved: false };

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IllegalStateError) return error.code;
    throw error;
  }

  return undefined;
};

describe('checkPlacement', () => {
  it('puts a union cadre in a grassroots union, not in a federation', () => {
    expect(codeOf(() => checkPlacement('union_cadre', 'u1', union))).toBeUndefined();
    expect(codeOf(() => checkPlacement('union_cadre', 'd1', district))).toBe(
      'ROLE_DOES_NOT_FIT_UNIT',
    );
  });

  it('puts a federation officer in a federation, not in a union', () => {
    expect(codeOf(() => checkPlacement('federation_officer', 'd1', district))).toBeUndefined();
    expect(codeOf(() => checkPlacement('federation_officer', 'u1', union))).toBe(
      'ROLE_DOES_NOT_FIT_UNIT',
    );
  });

  it('puts an auditor in any unit', () => {
    expect(codeOf(() => checkPlacement('auditor', 'u1', union))).toBeUndefined();
    expect(codeOf(() => checkPlacement('auditor', 'd1', district))).toBeUndefined();
  });

  it('lets only an admin be without a unit', () => {
    expect(codeOf(() => checkPlacement('admin', null, null))).toBeUndefined();
    expect(codeOf(() => checkPlacement('auditor', null, null))).toBe('ORG_UNIT_REQUIRED');
  });

  it('refuses a unit the org tree does not know, or one that is dissolved', () => {
    expect(codeOf(() => checkPlacement('admin', 'nowhere', null))).toBe('ORG_UNIT_NOT_FOUND');
    expect(codeOf(() => checkPlacement('union_cadre', 'u1', { ...union, dissolved: true }))).toBe(
      'ORG_UNIT_DISSOLVED',
    );
  });
});
