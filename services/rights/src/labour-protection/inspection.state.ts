import type { HazardSeverity, InspectionKind, WomenPeriod } from '@taizhang/contracts';

/** A hazard 隐患 found at an inspection, from its finding to the verified rectification. */
export interface Hazard {
  hazardId: string;
  description: string;
  severity: HazardSeverity;
  foundOn: string;
  /** Found 待整改 → Requested 已下整改通知 → Rectified 已整改 → Verified 已复查; Overdue 逾期未整改. */
  status: 'Found' | 'Requested' | 'Overdue' | 'Rectified' | 'Verified';
  requestedOn: string | null;
  dueOn: string | null;
  /** Counted overdue once, whatever came after (a late rectification stays overdue). */
  overdue: boolean;
  rectifiedOn: string | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
}

/** A labour-protection inspection 劳动保护监督检查 and the hazards it found. */
export type Inspection =
  | { status: 'None' }
  | {
      status: 'Recorded';
      inspectionId: string;
      unionId: string;
      kind: InspectionKind;
      periodsChecked: WomenPeriod[];
      inspectedOn: string;
      employerName: string | null;
      employerId: string | null;
      inspectors: string[];
      findings: string | null;
      hazards: Hazard[];
      /** The federation that follows it up after its union was dissolved (null: none). */
      keeperId: string | null;
    };

export type RecordedInspection = Exclude<Inspection, { status: 'None' }>;

export const initialState = (): Inspection => ({ status: 'None' });
