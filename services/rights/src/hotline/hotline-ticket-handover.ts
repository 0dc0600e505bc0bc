import { openRecordHandover } from '../shared/union-end';
import { hotlineTicketDecider, isOpenTicketOf } from './hotline-ticket.decider';

/** The union's open tickets: to the surviving union (merger) or the federation above (dissolution). */
export const hotlineTicketHandover = openRecordHandover({
  streamType: 'hotline-ticket',
  decider: hotlineTicketDecider,
  isOpen: isOpenTicketOf,
});
