export { DisclosuresController } from './disclosures.controller';
