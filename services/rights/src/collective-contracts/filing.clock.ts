import type { RightsEvent } from '@taizhang/contracts';
import { addDays, deadlineClock } from '@taizhang/deadlines';

import { runContractCommandById } from './contract-streams';

/**
 * 集体合同规定 §42: a signed contract is filed with the labour bureau within 10 days (a regional
 * rule); the last day comes with the event (`filingDueOn`), overdue once that day is over. A
 * filing or the clock's own event settles it; a signing after an objection starts it again.
 */
export const filingClock = deadlineClock<RightsEvent>({
  name: 'contract-filing',
  actorId: 'filing-clock',
  starts: {
    ContractSigned: ({ data }) => ({ key: data.contractId, dueOn: addDays(data.filingDueOn, 1) }),
  },
  settles: {
    ContractFiled: ({ data }) => data.contractId,
    ContractFilingOverdue: ({ data }) => data.contractId,
  },
  onDue: ({ key, dueOn }, { store, metadata }) =>
    runContractCommandById(store, key, { type: 'MarkFilingOverdue', data: { dueOn }, metadata }),
});
