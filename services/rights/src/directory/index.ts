export { OrganisationConsumer } from './organisation.consumer';
export { RightsUnitPaths } from './rights-unit-paths';
