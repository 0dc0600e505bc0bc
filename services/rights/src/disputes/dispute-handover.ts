import { openRecordHandover } from '../shared/union-end';
import { disputeDecider, isOpenDisputeOf } from './dispute.decider';

/** The union's open disputes, handed over (merger) or kept by the federation (dissolution). */
export const disputeHandover = openRecordHandover({
  streamType: 'dispute',
  decider: disputeDecider,
  isOpen: isOpenDisputeOf,
});
