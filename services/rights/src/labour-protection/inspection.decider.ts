import type { InspectionEvent } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, unknownCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';

import {
  markOverdue,
  recorded,
  recordRectified,
  requestRectification,
  verify,
} from './hazard-rectification.decider';
import type { InspectionCommand, RecordHazard, RecordInspection } from './inspection.commands';
import type { Hazard, Inspection } from './inspection.state';
import { initialState } from './inspection.state';
import { actOnUnionEnd } from './inspection-union-end.decider';

export { initialState };
export type { Inspection };

const withHazard = (
  state: Inspection,
  hazardId: string,
  change: (hazard: Hazard) => Hazard,
): Inspection =>
  state.status === 'None'
    ? state
    : {
        ...state,
        hazards: state.hazards.map((h) => (h.hazardId === hazardId ? change(h) : h)),
      };

/** A hazard's events: what they change of the inspection's hazards. */
const evolveHazards = (state: Inspection, event: InspectionEvent): Inspection => {
  switch (event.type) {
    case 'HazardFound': {
      if (state.status === 'None') return state;
      const { hazardId, description, severity, foundOn } = event.data;
      const hazard: Hazard = {
        hazardId,
        description,
        severity,
        foundOn,
        status: 'Found',
        requestedOn: null,
        dueOn: null,
        overdue: false,
        rectifiedOn: null,
        verifiedOn: null,
        verifiedBy: null,
      };

      return { ...state, hazards: [...state.hazards, hazard] };
    }
    case 'HazardRectificationRequested':
      return withHazard(state, event.data.hazardId, (h) => ({
        ...h,
        status: 'Requested',
        requestedOn: event.data.requestedOn,
        dueOn: event.data.dueOn,
      }));
    case 'HazardRectificationOverdue':
      return withHazard(state, event.data.hazardId, (h) => ({
        ...h,
        status: h.status === 'Requested' ? 'Overdue' : h.status,
        overdue: true,
      }));
    case 'HazardRectified':
      return withHazard(state, event.data.hazardId, (h) => ({
        ...h,
        status: 'Rectified',
        rectifiedOn: event.data.rectifiedOn,
      }));
    case 'HazardRectificationVerified':
      return withHazard(state, event.data.hazardId, (h) => ({
        ...h,
        status: 'Verified',
        verifiedOn: event.data.verifiedOn,
        verifiedBy: event.data.by,
      }));
    default:
      return state;
  }
};

export const evolve = (state: Inspection, event: InspectionEvent): Inspection => {
  switch (event.type) {
    case 'LabourInspectionRecorded':
      return { status: 'Recorded', ...event.data, hazards: [], keeperId: null };
    case 'InspectionHandedOver':
      return state.status === 'None' ? state : { ...state, unionId: event.data.toUnionId };
    case 'InspectionKeptByFederation':
      return state.status === 'None' ? state : { ...state, keeperId: event.data.keeperId };
    default:
      return evolveHazards(state, event);
  }
};

const recordInspection = (command: RecordInspection, state: Inspection): InspectionEvent => {
  const { union, kind, periodsChecked, inspectors, ...data } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The inspection is already recorded. / 该检查已登记。',
      'INSPECTION_EXISTS',
    );
  notInFuture(data.inspectedOn, command.metadata.now, 'inspection date', '检查日期');
  if (union.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );
  if (kind === 'women_special' && periodsChecked.length === 0)
    throw new IllegalStateError(
      'A women workers’ special protection inspection names the periods it checked. / 女职工"五期"保护检查须注明所查时期。',
      'PERIODS_REQUIRED',
    );
  if (kind === 'general' && periodsChecked.length > 0)
    throw new IllegalStateError(
      'Only a women workers’ special protection inspection checks the five periods. / 只有女职工"五期"保护检查登记所查时期。',
      'PERIODS_ONLY_WOMEN_SPECIAL',
    );
  if (new Set(periodsChecked).size !== periodsChecked.length)
    throw new IllegalStateError(
      'A period is named twice. / 同一时期重复出现。',
      'DUPLICATE_PERIOD',
    );
  if (new Set(inspectors).size !== inspectors.length)
    throw new IllegalStateError(
      'An inspector is named twice. / 同一检查人员重复出现。',
      'DUPLICATE_INSPECTOR',
    );

  return {
    type: 'LabourInspectionRecorded',
    data: { ...data, unionId: union.id, kind, periodsChecked, inspectors },
  };
};

const recordHazard = (command: RecordHazard, state: Inspection): InspectionEvent => {
  const inspection = recorded(state);
  const { hazardId, description, severity, foundOn } = command.data;
  if (inspection.hazards.some((h) => h.hazardId === hazardId))
    throw new IllegalStateError(
      'The hazard is already recorded. / 该隐患已登记。',
      'HAZARD_EXISTS',
    );
  notInFuture(foundOn, command.metadata.now, 'day the hazard was found', '发现日期');
  if (foundOn < inspection.inspectedOn)
    throw new IllegalStateError(
      'A hazard is found at the inspection or after it, not before. / 发现日期不能早于检查日期。',
      'BEFORE_INSPECTION',
    );

  return {
    type: 'HazardFound',
    data: {
      inspectionId: inspection.inspectionId,
      hazardId,
      unionId: inspection.unionId,
      description,
      severity,
      foundOn,
    },
  };
};

export const decide = (
  command: UnderRules<InspectionCommand>,
  state: Inspection,
): InspectionEvent | InspectionEvent[] => {
  switch (command.type) {
    case 'RecordInspection':
      return recordInspection(command, state);
    case 'RecordHazard':
      return recordHazard(command, state);
    case 'RequestRectification':
      return requestRectification(command, state);
    case 'MarkRectificationOverdue':
      return markOverdue(command, state);
    case 'RecordRectified':
      return recordRectified(command, state);
    case 'VerifyRectification':
      return verify(command, state);
    case 'ActOnUnionEnd':
      return actOnUnionEnd(command, state);
    default:
      return unknownCommand(command);
  }
};

export const inspectionDecider: Decider<
  Inspection,
  UnderRules<InspectionCommand>,
  InspectionEvent
> = { decide, evolve, initialState };
