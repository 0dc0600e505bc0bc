import { memberEvents } from '../../test/members';
import { memberDirectoryChangeOf } from './member-step';

describe('memberDirectoryChangeOf', () => {
  const m = memberEvents('m1');

  it('makes a joined member active in the union, with what they count as and nothing personal', () => {
    expect(memberDirectoryChangeOf(m.joined('u1', '2021-03-01'))).toEqual({
      facts: {
        memberId: 'm1',
        version: 1,
        joinedOn: '2021-03-01',
        gender: 'female',
        migrantWorker: true,
        employmentForm: 'new_form',
      },
      step: {
        memberId: 'm1',
        version: 1,
        day: '2021-03-01',
        status: 'active',
        unitId: 'u1',
        holderKind: 'union',
      },
    });
  });

  it('keeps a retained membership moved by a merger retained, held by the receiving union', () => {
    expect(memberDirectoryChangeOf(m.transferred(3, 'u1', 'u2', '2024-01-01', true))?.step).toEqual(
      {
        memberId: 'm1',
        version: 3,
        day: '2024-01-01',
        status: 'retained',
        unitId: 'u2',
        holderKind: 'union',
      },
    );
  });

  it('places a membership retained by the federation with its holder', () => {
    expect(memberDirectoryChangeOf(m.retained(2, 'u1', 's1', '2023-01-01'))).toEqual({
      step: {
        memberId: 'm1',
        version: 2,
        day: '2023-01-01',
        status: 'retained',
        unitId: 's1',
        holderKind: 'federation',
      },
    });
  });

  it('records a leave from the union left, an erasure as such, and ignores the rest', () => {
    expect(memberDirectoryChangeOf(m.left(4, 'u2', '2025-01-01'))?.step).toMatchObject({
      status: 'left',
      unitId: 'u2',
      day: '2025-01-01',
    });
    expect(memberDirectoryChangeOf(m.erased(5))).toEqual({ erased: { memberId: 'm1' } });
    expect(
      memberDirectoryChangeOf({ ...m.erased(5), type: 'MemberPersonalDataRevealed' }),
    ).toBeNull();
  });
});
