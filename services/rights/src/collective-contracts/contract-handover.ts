import { openRecordHandover } from '../shared/union-end';
import { contractDecider, isPendingRequestOf } from './contract.decider';

/** The union's requests to negotiate not answered yet: handed over (merger) or lapsed (dissolution). */
export const contractRequestHandover = openRecordHandover({
  streamType: 'collective-contract',
  decider: contractDecider,
  isOpen: isPendingRequestOf,
});
