import type { RightsEvent } from '@taizhang/contracts';
import { deadlineClock } from '@taizhang/deadlines';

import { runDisputeCommandById } from './dispute-streams';

/**
 * 劳动争议调解仲裁法 §14: a dispute without an agreement when the mediation days (15, a regional
 * rule) after its acceptance have run out may go to arbitration. The due date comes with the
 * event, decided under the rules of its acceptance day; an agreement, a failure or a withdrawal
 * settles it, and so does the clock's own event.
 */
export const arbitrationClock = deadlineClock<RightsEvent>({
  name: 'dispute-arbitration',
  actorId: 'arbitration-clock',
  starts: {
    DisputeRegistered: ({ data }) => ({ key: data.disputeId, dueOn: data.arbitrationEligibleOn }),
  },
  settles: {
    DisputeAgreed: ({ data }) => data.disputeId,
    DisputeFailed: ({ data }) => data.disputeId,
    DisputeWithdrawn: ({ data }) => data.disputeId,
    DisputeArbitrationEligible: ({ data }) => data.disputeId,
  },
  onDue: ({ key, dueOn }, { store, metadata }) =>
    runDisputeCommandById(store, key, {
      type: 'MarkArbitrationEligible',
      data: { dueOn },
      metadata,
    }),
});
