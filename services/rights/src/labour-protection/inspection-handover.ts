import { openRecordHandover } from '../shared/union-end';
import { inspectionDecider } from './inspection.decider';
import { isOpenInspectionOf } from './inspection-union-end.decider';

/** The union's inspections with a hazard open: handed over (merger) or kept (dissolution). */
export const inspectionHandover = openRecordHandover({
  streamType: 'labour-inspection',
  decider: inspectionDecider,
  isOpen: isOpenInspectionOf,
});
