import type { CommitteeSeat, OfficeHolder } from '../../src/unions/committee-rules';
import { electedCadreId, POST_NAMES } from '../../src/unions/decide/cadres';
import type { UnionEvent } from '../../src/unions/union.decider';

/** The union `u1` (沈阳机床厂工会) registered under street `s1` in 2001: most union specs start here. */
export const unionRegistered: UnionEvent = {
  type: 'UnionRegistered',
  data: {
    unionId: 'u1',
    name: '沈阳机床厂工会',
    parentId: 's1',
    establishedOn: '2001-05-01',
    orgPath: 'm1/d1/s1/u1',
  },
};

/** `u1` dissolved (破产) on the given day. */
export const unionDissolved = (dissolvedOn: string, reason = '破产'): UnionEvent => ({
  type: 'UnionDissolved',
  data: { unionId: 'u1', dissolvedOn, reason },
});

/** `u1`'s `seated`th elected committee (and offices) taking office on `electedOn` (三亮). */
export const committeeTookOffice = (
  electedOn: string,
  committee: readonly CommitteeSeat[],
  {
    seated = 1,
    offices = [],
    outgoing = [],
  }: {
    seated?: number;
    offices?: readonly OfficeHolder[];
    outgoing?: string[];
  } = {},
): UnionEvent => ({
  type: 'CommitteeTookOffice',
  data: {
    unionId: 'u1',
    electedOn,
    cadres: [
      ...committee.map(({ name, post }) => ({ name, postCode: post })),
      ...offices.map(({ name, office }) => ({ name, postCode: office })),
    ].map(({ name, postCode }, seat) => ({
      cadreId: electedCadreId('u1', seated, seat),
      name,
      post: POST_NAMES[postCode],
      postCode,
    })),
    outgoingCadreIds: outgoing,
  },
});
