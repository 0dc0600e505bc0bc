import type { EmployerKind } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { ParentRef } from '../org-units';

/** An employer's workforce figures on one date. */
export interface Headcounts {
  headcount: number;
  femaleHeadcount: number;
  migrantHeadcount: number;
  newFormHeadcount: number;
}

/** What a founding application needs of the employer (seed 003), each optional; capital in fen. */
export interface EmployerDetails {
  address?: string;
  legalRepresentative?: string;
  registeredCapital?: number;
}

/** 单位台账登记: an employer enters the registry of the street it sits in. */
export type RegisterEmployer = Command<
  'RegisterEmployer',
  Headcounts &
    EmployerDetails & {
      creditCode: string;
      name: string;
      kind: EmployerKind;
      /** The street as its own stream says (null when there is no such unit). */
      street: ParentRef | null;
      /** The date of the entry, its headcounts as of then; today in China when not given. */
      registeredOn?: string;
    }
>;

export type UpdateEmployerHeadcounts = Command<
  'UpdateEmployerHeadcounts',
  Headcounts & { employerId: string; asOf: string }
>;

export type CloseEmployer = Command<
  'CloseEmployer',
  { employerId: string; closedOn: string; reason: string }
>;

/** A change of address, legal representative or registered capital from a date (only those given). */
export type ChangeEmployerDetails = Command<
  'ChangeEmployerDetails',
  EmployerDetails & { employerId: string; effectiveOn: string }
>;

/** The figures recorded for a past date were wrong: these replace them for that date. */
export type CorrectEmployerHeadcounts = Command<
  'CorrectEmployerHeadcounts',
  Headcounts & { employerId: string; asOf: string; reason: string }
>;

export type EmployerCommand =
  | RegisterEmployer
  | UpdateEmployerHeadcounts
  | CloseEmployer
  | ChangeEmployerDetails
  | CorrectEmployerHeadcounts;
