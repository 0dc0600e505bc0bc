import type { EmployerKind } from '@taizhang/contracts';

import type { EmployerDetails, Headcounts } from './employer.commands';

/** The figures in force for one recorded date (a correction replaces them, history keeps both). */
export type DatedHeadcounts = Headcounts & { asOf: string };

export interface EmployerRecord extends Headcounts, EmployerDetails {
  employerId: string;
  creditCode: string;
  name: string;
  kind: EmployerKind;
  streetId: string;
  orgPath: string;
  registeredOn: string;
  /** The date of the figures in force (the latest dated ones). */
  headcountsAsOf: string;
  /** Every date figures were recorded for, oldest first, with the figures in force for it. */
  recordedHeadcounts?: DatedHeadcounts[];
}

/** An employer in the registry (单位台账); its id is its unified social credit code. */
export type Employer =
  | { status: 'None' }
  | ({ status: 'Open' } & EmployerRecord)
  | ({ status: 'Closed'; closedOn: string; closeReason: string } & EmployerRecord);
