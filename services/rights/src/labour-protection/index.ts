export { inspectionHandover } from './inspection-handover';
export { InspectionsController } from './inspections.controller';
export { rectificationClock } from './rectification.clock';
