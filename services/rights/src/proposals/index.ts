export { ProposalsController } from './proposals.controller';
