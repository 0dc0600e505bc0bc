import type { InspectionEvent } from '@taizhang/contracts';
import { addDays } from '@taizhang/deadlines';
import { businessDate, notInFuture } from '@taizhang/domain';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type {
  MarkRectificationOverdue,
  RecordRectified,
  RequestRectification,
  VerifyRectification,
} from './inspection.commands';
import type { Hazard, Inspection, RecordedInspection } from './inspection.state';

// A hazard's rectification 整改, from the notice to the verification: part of the inspection's
// decider (inspection.decider.ts), in a file of its own for its length.

const inspectionNotFound = () =>
  new NotFoundError('The inspection does not exist. / 该劳动保护监督检查不存在。');

export const recorded = (state: Inspection): RecordedInspection => {
  if (state.status === 'None') throw inspectionNotFound();

  return state;
};

/** The hazard of the inspection: 404 as for an unknown inspection when it has none of that id. */
const hazardOf = (state: RecordedInspection, hazardId: string): Hazard => {
  const hazard = state.hazards.find((h) => h.hazardId === hazardId);
  if (!hazard) throw new NotFoundError(`Hazard ${hazardId} does not exist. / 该隐患不存在。`);

  return hazard;
};

const ids = (state: RecordedInspection, hazard: Hazard) => ({
  inspectionId: state.inspectionId,
  hazardId: hazard.hazardId,
  unionId: state.unionId,
});

export const requestRectification = (
  command: UnderRules<RequestRectification>,
  state: Inspection,
): InspectionEvent => {
  const inspection = recorded(state);
  const hazard = hazardOf(inspection, command.data.hazardId);
  const { requestedOn, dueOn } = command.data;
  if (hazard.status !== 'Found')
    throw new IllegalStateError(
      'Rectification of this hazard is already requested or done. / 该隐患已下达整改通知或已整改。',
      'ALREADY_REQUESTED',
    );
  notInFuture(requestedOn, command.metadata.now, 'rectification notice date', '整改通知日期');
  if (requestedOn < hazard.foundOn)
    throw new IllegalStateError(
      'A rectification notice comes on or after the day the hazard was found. / 整改通知日期不能早于发现日期。',
      'BEFORE_FOUND',
    );
  if (dueOn < requestedOn)
    throw new IllegalStateError(
      'The due date comes on or after the notice. / 整改期限不能早于通知日期。',
      'DUE_BEFORE_REQUEST',
    );
  const maxDays = command.rules.values.labourProtection.rectificationMaxDays[hazard.severity];
  const latestDueOn = addDays(requestedOn, maxDays);
  if (dueOn > latestDueOn)
    throw new IllegalStateError(
      {
        en: `A ${hazard.severity} hazard is given at most ${maxDays} days: due on ${latestDueOn} at the latest.`,
        zh: `该等级隐患整改期限最长${maxDays}天，最迟${latestDueOn}。`,
      },
      'DUE_BEYOND_RULE',
    );

  return {
    type: 'HazardRectificationRequested',
    data: {
      ...ids(inspection, hazard),
      severity: hazard.severity,
      requestedOn,
      dueOn,
      latestDueOn,
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

const overdueEvent = (
  inspection: RecordedInspection,
  hazard: Hazard & { dueOn: string },
): InspectionEvent => ({
  type: 'HazardRectificationOverdue',
  data: { ...ids(inspection, hazard), dueOn: hazard.dueOn, overdueOn: addDays(hazard.dueOn, 1) },
});

export const markOverdue = (
  command: MarkRectificationOverdue,
  state: Inspection,
): InspectionEvent => {
  const inspection = recorded(state);
  const hazard = hazardOf(inspection, command.data.hazardId);
  if (hazard.status !== 'Requested' || hazard.dueOn === null)
    throw new IllegalStateError(
      'The hazard was rectified in time, or is overdue already. / 已按期整改或已逾期。',
      'NOT_OVERDUE',
    );
  if (businessDate(command.metadata.now) < command.data.overdueOn)
    throw new IllegalStateError(
      'The rectification is not overdue yet. / 整改期限尚未届满。',
      'NOT_DUE_YET',
    );

  return overdueEvent(inspection, { ...hazard, dueOn: hazard.dueOn });
};

export const recordRectified = (command: RecordRectified, state: Inspection): InspectionEvent[] => {
  const inspection = recorded(state);
  const hazard = hazardOf(inspection, command.data.hazardId);
  const { rectifiedOn } = command.data;
  if (hazard.status === 'Rectified' || hazard.status === 'Verified')
    throw new IllegalStateError(
      'The hazard is already rectified. / 该隐患已整改。',
      'ALREADY_RECTIFIED',
    );
  notInFuture(rectifiedOn, command.metadata.now, 'rectification date', '整改日期');
  if (rectifiedOn < (hazard.requestedOn ?? hazard.foundOn))
    throw new IllegalStateError(
      'A rectification comes on or after the hazard was found and notified. / 整改日期不能早于发现或通知日期。',
      'BEFORE_PREVIOUS_STEP',
    );
  const late = hazard.dueOn !== null && rectifiedOn > hazard.dueOn;
  const rectified: InspectionEvent = {
    type: 'HazardRectified',
    data: { ...ids(inspection, hazard), rectifiedOn, late },
  };

  // Late, and the clock has not said so yet (it had not run): overdue once, here.
  return late && !hazard.overdue && hazard.dueOn !== null
    ? [overdueEvent(inspection, { ...hazard, dueOn: hazard.dueOn }), rectified]
    : [rectified];
};

export const verify = (command: VerifyRectification, state: Inspection): InspectionEvent => {
  const inspection = recorded(state);
  const hazard = hazardOf(inspection, command.data.hazardId);
  const { verifiedOn, by } = command.data;
  if (hazard.status === 'Verified')
    throw new IllegalStateError(
      'The rectification is already verified. / 该整改已复查。',
      'ALREADY_VERIFIED',
    );
  if (hazard.rectifiedOn === null)
    throw new IllegalStateError(
      'Only a rectified hazard is verified. / 隐患尚未整改，不能复查。',
      'NOT_RECTIFIED',
    );
  notInFuture(verifiedOn, command.metadata.now, 'verification date', '复查日期');
  if (verifiedOn < hazard.rectifiedOn)
    throw new IllegalStateError(
      'A verification comes on or after the rectification. / 复查日期不能早于整改日期。',
      'BEFORE_PREVIOUS_STEP',
    );

  return {
    type: 'HazardRectificationVerified',
    data: { ...ids(inspection, hazard), verifiedOn, by },
  };
};
