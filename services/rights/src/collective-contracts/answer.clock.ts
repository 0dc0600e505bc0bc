import type { RightsEvent } from '@taizhang/contracts';
import { addDays, deadlineClock } from '@taizhang/deadlines';

import { runContractCommandById } from './contract-streams';

/**
 * 集体合同规定 §32: a request to negotiate must be answered in writing within 20 days (a regional
 * rule); the last day comes with the event (`answerDueOn`), and the request is overdue once that
 * day is over. A written answer or the clock's own event settles it.
 */
export const answerClock = deadlineClock<RightsEvent>({
  name: 'contract-answer',
  actorId: 'answer-clock',
  starts: {
    ContractNegotiationRequested: ({ data }) => ({
      key: data.contractId,
      dueOn: addDays(data.answerDueOn, 1),
    }),
  },
  settles: {
    ContractRequestAnswered: ({ data }) => data.contractId,
    ContractRequestOverdue: ({ data }) => data.contractId,
    // Lapsed with its dissolved union: nothing is owed any more.
    ContractRequestLapsed: ({ data }) => data.contractId,
  },
  onDue: ({ key, dueOn }, { store, metadata }) =>
    runContractCommandById(store, key, { type: 'MarkRequestOverdue', data: { dueOn }, metadata }),
});
