export { answerClock } from './answer.clock';
export { ContractsController } from './contracts.controller';
export { deemedEffectiveClock } from './deemed-effective.clock';
export { filingClock } from './filing.clock';
export { renewalClock } from './renewal.clock';
export { contractRequestHandover } from './contract-handover';
