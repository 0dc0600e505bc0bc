export { UncoveredEmployersController } from './uncovered-employers.controller';
