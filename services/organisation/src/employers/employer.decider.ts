import type {
  EmployerClosed,
  EmployerDetailsChanged,
  EmployerHeadcountsCorrected,
  EmployerHeadcountsUpdated,
  EmployerRegistered,
} from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { unknownCommand } from '@taizhang/event-store';

import type { ParentRef } from '../org-units';
import { openEmployer, refuse, refuseIf } from './decide/employer-guards';
import {
  changeEmployerDetails,
  correctEmployerHeadcounts,
  detailsOf,
  headcountsOf,
  sameHeadcounts,
} from './decide/employer-records';
import type {
  CloseEmployer,
  EmployerCommand,
  RegisterEmployer,
  UpdateEmployerHeadcounts,
} from './employer.commands';
import { EmployerErrorCode } from './employer.error';
import type { DatedHeadcounts, Employer } from './employer.state';
import { checkCreditCode, checkHeadcounts, checkNotInFuture } from './employer-rules';

export type { Employer } from './employer.state';

export type EmployerEvent =
  | EmployerRegistered
  | EmployerHeadcountsUpdated
  | EmployerClosed
  | EmployerDetailsChanged
  | EmployerHeadcountsCorrected;

export const initialState = (): Employer => ({ status: 'None' });

// The figures in force for each recorded date: a later record of a date replaces the earlier.
const recordFigures = (state: Employer, figures: DatedHeadcounts): DatedHeadcounts[] => {
  const recorded = state.status === 'None' ? [] : (state.recordedHeadcounts ?? []);

  return [...recorded.filter((dated) => dated.asOf !== figures.asOf), figures].sort((a, b) =>
    a.asOf.localeCompare(b.asOf),
  );
};

// A correction of the date in force also corrects the current figures.
const evolveRecords = (
  state: Employer,
  event: EmployerHeadcountsUpdated | EmployerHeadcountsCorrected | EmployerDetailsChanged,
): Employer => {
  if (state.status === 'None') return state;
  if (event.type === 'EmployerDetailsChanged') return { ...state, ...detailsOf(event.data) };
  const { asOf } = event.data;
  const figures = headcountsOf(event.data);
  const recordedHeadcounts = recordFigures(state, { asOf, ...figures });
  if (event.type === 'EmployerHeadcountsCorrected' && asOf !== state.headcountsAsOf)
    return { ...state, recordedHeadcounts };

  return { ...state, ...figures, headcountsAsOf: asOf, recordedHeadcounts };
};

export const evolve = (state: Employer, event: EmployerEvent): Employer => {
  switch (event.type) {
    case 'EmployerRegistered': {
      const { registeredOn } = event.data;
      const figures = { asOf: registeredOn, ...headcountsOf(event.data) };

      return {
        status: 'Open',
        ...event.data,
        headcountsAsOf: registeredOn,
        recordedHeadcounts: [figures],
      };
    }
    case 'EmployerHeadcountsUpdated':
    case 'EmployerHeadcountsCorrected':
    case 'EmployerDetailsChanged':
      return evolveRecords(state, event);
    case 'EmployerClosed':
      return state.status === 'Open'
        ? {
            ...state,
            status: 'Closed',
            closedOn: event.data.closedOn,
            closeReason: event.data.reason,
          }
        : state;
    default:
      return state;
  }
};

const requireStreet = (street: RegisterEmployer['data']['street']): ParentRef => {
  if (!street)
    refuse({
      code: EmployerErrorCode.StreetNotFound,
      en: 'The street does not exist.',
      zh: '所属街道不存在。',
      field: 'streetId',
    });
  if (street.kind !== 'street')
    refuse({
      code: EmployerErrorCode.NotAStreet,
      en: `An employer is registered in a street (or township) federation, not in a ${street.kind} unit.`,
      zh: '单位须登记在街道（乡镇）工会联合会下。',
      field: 'streetId',
      details: { kind: street.kind },
    });

  return street;
};

export const registerEmployer = (
  command: RegisterEmployer,
  state: Employer,
): EmployerRegistered => {
  const { creditCode, name, kind, street } = command.data;
  const today = businessDate(command.metadata.now);
  const registeredOn = command.data.registeredOn ?? today;
  refuseIf(checkCreditCode(creditCode));
  if (state.status !== 'None')
    refuse({
      code: EmployerErrorCode.AlreadyRegistered,
      en: `An employer with the unified social credit code ${creditCode} is already registered.`,
      zh: `统一社会信用代码为${creditCode}的单位已在台账中。`,
      field: 'creditCode',
      details: { employerId: creditCode },
    });
  const { id: streetId, orgPath } = requireStreet(street);
  refuseIf(checkHeadcounts(command.data));
  refuseIf(checkNotInFuture(registeredOn, today, 'registeredOn'));

  return {
    type: 'EmployerRegistered',
    data: {
      employerId: creditCode,
      creditCode,
      name,
      kind,
      streetId,
      orgPath: `${orgPath}/${creditCode}`,
      registeredOn,
      ...headcountsOf(command.data),
      ...detailsOf(command.data),
    },
  };
};

export const updateEmployerHeadcounts = (
  command: UpdateEmployerHeadcounts,
  state: Employer,
): EmployerHeadcountsUpdated[] => {
  const { employerId, asOf } = command.data;
  const employer = openEmployer(state, employerId);
  refuseIf(checkHeadcounts(command.data));
  refuseIf(checkNotInFuture(asOf, businessDate(command.metadata.now), 'asOf'));
  if (asOf < employer.headcountsAsOf)
    refuse({
      code: EmployerErrorCode.HeadcountsOutdated,
      en: `Figures as of ${asOf} are older than those recorded (as of ${employer.headcountsAsOf}).`,
      zh: `该日期早于已登记人数的日期（${employer.headcountsAsOf}）。`,
      field: 'asOf',
      details: { headcountsAsOf: employer.headcountsAsOf },
    });
  // The same figures for the same date again change nothing.
  if (asOf === employer.headcountsAsOf && sameHeadcounts(employer, command.data)) return [];

  return [
    {
      type: 'EmployerHeadcountsUpdated',
      data: { employerId, asOf, ...headcountsOf(command.data) },
    },
  ];
};

export const closeEmployer = (command: CloseEmployer, state: Employer): EmployerClosed => {
  const { employerId, closedOn, reason } = command.data;
  const employer = openEmployer(state, employerId);
  refuseIf(checkNotInFuture(closedOn, businessDate(command.metadata.now), 'closedOn'));
  if (closedOn < employer.headcountsAsOf)
    refuse({
      code: EmployerErrorCode.ClosedBeforeLastFigures,
      en: `The closing date ${closedOn} is before the last recorded figures (as of ${employer.headcountsAsOf}).`,
      zh: `注销日期早于最近一次登记人数的日期（${employer.headcountsAsOf}）。`,
      field: 'closedOn',
      details: { headcountsAsOf: employer.headcountsAsOf },
    });

  return { type: 'EmployerClosed', data: { employerId, closedOn, reason } };
};

export const decide = (
  command: EmployerCommand,
  state: Employer,
): EmployerEvent | EmployerEvent[] => {
  switch (command.type) {
    case 'RegisterEmployer':
      return registerEmployer(command, state);
    case 'UpdateEmployerHeadcounts':
      return updateEmployerHeadcounts(command, state);
    case 'CloseEmployer':
      return closeEmployer(command, state);
    case 'ChangeEmployerDetails':
      return changeEmployerDetails(command, state);
    case 'CorrectEmployerHeadcounts':
      return correctEmployerHeadcounts(command, state);
    default:
      return unknownCommand(command);
  }
};

export const employerDecider: Decider<Employer, EmployerCommand, EmployerEvent> = {
  decide,
  evolve,
  initialState,
};
