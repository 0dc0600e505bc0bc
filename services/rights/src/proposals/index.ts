export { ProposalsController } from './proposals.controller';
export { proposalHandover } from './proposal-handover';
