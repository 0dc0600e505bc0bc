import type { RightsEvent } from '@taizhang/contracts';
import { deadlineClock } from '@taizhang/deadlines';

import { runContractCommandById } from './contract-streams';

/**
 * 集体合同规定 §47: no objection within 15 days of filing (a regional rule) and the contract is
 * in force (视为生效) on day 15, `deemedEffectiveOn`. An objection settles it; a new filing after
 * the revision starts it again.
 */
export const deemedEffectiveClock = deadlineClock<RightsEvent>({
  name: 'contract-deemed-effective',
  actorId: 'deemed-effective-clock',
  starts: {
    ContractFiled: ({ data }) => ({ key: data.contractId, dueOn: data.deemedEffectiveOn }),
  },
  settles: {
    ContractObjected: ({ data }) => data.contractId,
    ContractDeemedEffective: ({ data }) => data.contractId,
  },
  onDue: ({ key, dueOn }, { store, metadata }) =>
    runContractCommandById(store, key, { type: 'MarkDeemedEffective', data: { dueOn }, metadata }),
});
