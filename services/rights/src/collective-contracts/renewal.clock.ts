import type { RightsEvent } from '@taizhang/contracts';
import { deadlineClock } from '@taizhang/deadlines';

import { runContractCommandById } from './contract-streams';

/**
 * The renewal window: renewal may be requested in the last months of the term (3, a regional
 * rule); the clock records `ContractRenewalDue` the day the window opens, unless renewal was
 * requested already.
 */
export const renewalClock = deadlineClock<RightsEvent>({
  name: 'contract-renewal',
  actorId: 'renewal-clock',
  starts: {
    ContractDeemedEffective: ({ data }) => ({
      key: data.contractId,
      dueOn: data.renewalWindowOpensOn,
    }),
  },
  settles: {
    ContractRenewalDue: ({ data }) => data.contractId,
    ContractRenewalRequested: ({ data }) => data.contractId,
  },
  onDue: ({ key, dueOn }, { store, metadata }) =>
    runContractCommandById(store, key, { type: 'MarkRenewalDue', data: { dueOn }, metadata }),
});
