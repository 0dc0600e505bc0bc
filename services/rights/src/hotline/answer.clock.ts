import type { RightsEvent } from '@taizhang/contracts';
import { addDays, deadlineClock } from '@taizhang/deadlines';

import { runHotlineTicketCommandById } from './hotline-ticket-streams';

/**
 * A 12351 ticket's caller is answered by the last day of its holder's tier (`answerDueOn`, a
 * regional rule); once that day is over unanswered the ticket is overdue. An assignment starts
 * the clock again with the new holder's day; a call-back, the closure or the clock's own event
 * settles it.
 */
export const hotlineAnswerClock = deadlineClock<RightsEvent>({
  name: 'hotline-answer',
  actorId: 'hotline-answer-clock',
  starts: {
    HotlineTicketReceived: ({ data }) => ({
      key: data.ticketId,
      dueOn: addDays(data.answerDueOn, 1),
    }),
    HotlineTicketAssigned: ({ data }) => ({
      key: data.ticketId,
      dueOn: addDays(data.answerDueOn, 1),
    }),
  },
  settles: {
    HotlineTicketCalledBack: ({ data }) => data.ticketId,
    HotlineTicketClosed: ({ data }) => data.ticketId,
    HotlineTicketOverdue: ({ data }) => data.ticketId,
  },
  onDue: ({ key, dueOn }, { store, metadata }) =>
    runHotlineTicketCommandById(store, key, {
      type: 'MarkTicketOverdue',
      data: { dueOn },
      metadata,
    }),
});
