import { openRecordHandover } from '../shared/union-end';
import { isOpenWarningOf, warningDecider } from './warning.decider';

/** The union's open warnings: to the surviving union (merger) or the federation above (dissolution). */
export const warningHandover = openRecordHandover({
  streamType: 'early-warning',
  decider: warningDecider,
  isOpen: isOpenWarningOf,
});
