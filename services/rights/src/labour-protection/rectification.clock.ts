import type { RightsEvent } from '@taizhang/contracts';
import { addDays, deadlineClock } from '@taizhang/deadlines';

import { runInspectionCommandById } from './inspection-streams';

/**
 * 整改通知: a hazard is rectified by its due date (at most the rule's days for its severity). The
 * due date is the last day given, so the hazard is overdue on the day after it (as the contract
 * answer clock). A rectification or the clock's own event settles it. Keyed by the hazard; the
 * inspection (its stream) is kept with the deadline.
 */
export const rectificationClock = deadlineClock<RightsEvent, { inspectionId: string }>({
  name: 'hazard-rectification',
  actorId: 'rectification-clock',
  starts: {
    HazardRectificationRequested: ({ data }) => ({
      key: data.hazardId,
      dueOn: addDays(data.dueOn, 1),
      data: { inspectionId: data.inspectionId },
    }),
  },
  settles: {
    HazardRectified: ({ data }) => data.hazardId,
    HazardRectificationOverdue: ({ data }) => data.hazardId,
  },
  onDue: async ({ key, dueOn, data }, { store, metadata }) => {
    if (data === null) throw new Error(`Hazard ${key}: its deadline has no inspection`);

    return runInspectionCommandById(store, data.inspectionId, {
      type: 'MarkRectificationOverdue',
      data: { hazardId: key, overdueOn: dueOn },
      metadata,
    });
  },
});
