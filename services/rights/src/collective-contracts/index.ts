export { answerClock } from './answer.clock';
export { ContractsController } from './contracts.controller';
export { contractRequestHandover } from './contract-handover';
