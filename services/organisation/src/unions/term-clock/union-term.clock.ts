import type { OrganisationEvent } from '@taizhang/contracts';
import { addDays, deadlineClock } from '@taizhang/deadlines';

import { runUnionCommand } from '../union-streams';

/**
 * When a term's expiry is due: a term ending on day D has run out once day D is over in China.
 * The term's last day itself comes with the event (`termEndsOn`, from the term's length in
 * `committee-rules.ts`); a regional rule would change it here.
 */
const termExpiryDueOn = (termEndsOn: string): string => addDays(termEndsOn, 1);

/**
 * The term clock (换届预警, DESIGN §9): records `UnionTermExpired` once for a union whose term ran
 * out without an approved re-election. An approved election starts the new term's deadline; the
 * warning itself, a dissolution or a merger settles it. A union registered as it was has a term
 * when its registration named the serving committee, else none until its next approved election.
 */
export const unionTermClock = deadlineClock<OrganisationEvent>({
  name: 'union-term',
  actorId: 'term-clock',
  starts: {
    // A union registered as it was has a term when the registration named its committee.
    UnionRegistered: ({ data }) =>
      data.currentTerm
        ? { key: data.unionId, dueOn: termExpiryDueOn(data.currentTerm.termEndsOn) }
        : null,
    UnionEstablished: ({ data }) => ({
      key: data.unionId,
      dueOn: termExpiryDueOn(data.termEndsOn),
    }),
    CommitteeElectionApproved: ({ data }) => ({
      key: data.unionId,
      dueOn: termExpiryDueOn(data.termEndsOn),
    }),
  },
  settles: {
    UnionTermExpired: ({ data }) => data.unionId,
    UnionDissolved: ({ data }) => data.unionId,
    UnionMerged: ({ data }) => data.unionId,
  },
  onDue: ({ key: unionId }, { store, metadata }) =>
    runUnionCommand(store, unionId, { type: 'RecordTermExpiry', data: {}, metadata }),
});
