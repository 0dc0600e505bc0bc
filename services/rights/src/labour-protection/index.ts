export { InspectionsController } from './inspections.controller';
export { rectificationClock } from './rectification.clock';
