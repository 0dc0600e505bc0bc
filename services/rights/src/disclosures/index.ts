export { IndexDisclosuresByUnion1768200000100 } from './disclosure-list.query';
export { DisclosuresController } from './disclosures.controller';
