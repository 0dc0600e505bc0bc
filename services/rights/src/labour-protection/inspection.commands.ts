import type { HazardSeverity, InspectionKind, WomenPeriod } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type { UnionOnRecord } from '../shared/union-on-record';

/** 劳动保护监督检查: a union inspected an employer (女职工"五期" checks are a kind of it). */
export type RecordInspection = Command<
  'RecordInspection',
  {
    inspectionId: string;
    union: UnionOnRecord;
    kind: InspectionKind;
    periodsChecked: WomenPeriod[];
    inspectedOn: string;
    employerName: string | null;
    employerId: string | null;
    inspectors: string[];
    findings: string | null;
  }
>;

/** 发现隐患: a hazard found at the inspection. */
export type RecordHazard = Command<
  'RecordHazard',
  { hazardId: string; description: string; severity: HazardSeverity; foundOn: string }
>;

/** 整改通知: rectification requested by a due date, within the rule's days for the severity. */
export type RequestRectification = Command<
  'RequestRectification',
  { hazardId: string; requestedOn: string; dueOn: string }
>;

/** The rectification clock: not rectified by the due date (run once by the clock). */
export type MarkRectificationOverdue = Command<
  'MarkRectificationOverdue',
  { hazardId: string; overdueOn: string }
>;

/** 已整改: the employer rectified the hazard. */
export type RecordRectified = Command<'RecordRectified', { hazardId: string; rectifiedOn: string }>;

/** 复查验收: the union verified the rectification. */
export type VerifyRectification = Command<
  'VerifyRectification',
  { hazardId: string; verifiedOn: string; by: string }
>;

export type InspectionCommand =
  | RecordInspection
  | RecordHazard
  | RequestRectification
  | MarkRectificationOverdue
  | RecordRectified
  | VerifyRectification
  | ActOnUnionEnd;
