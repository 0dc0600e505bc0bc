export { CongressProposalsController } from './congress-proposals.controller';
export { IndexProposalsByCongress1769000000000 } from './congress-proposals.query';
export { ProposalsController } from './proposals.controller';
export { proposalHandover } from './proposal-handover';
