export { UnitListsController } from './unit-lists.controller';
