export { arbitrationClock } from './arbitration.clock';
export { DisputesController } from './disputes.controller';
export { disputeHandover } from './dispute-handover';
