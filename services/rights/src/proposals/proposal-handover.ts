import { openRecordHandover } from '../shared/union-end';
import { isOpenProposalOf, proposalDecider } from './proposal.decider';

/** The union's open proposals: handed over (merger) or closed as not answered (dissolution). */
export const proposalHandover = openRecordHandover({
  streamType: 'proposal',
  decider: proposalDecider,
  isOpen: isOpenProposalOf,
});
