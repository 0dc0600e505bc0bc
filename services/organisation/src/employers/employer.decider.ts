import type {
  EmployerClosed,
  EmployerHeadcountsUpdated,
  EmployerKind,
  EmployerRegistered,
} from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { NotFoundError, unknownCommand } from '@taizhang/event-store';

import type { ParentRef } from '../org-units/org-unit.commands';
import type {
  CloseEmployer,
  EmployerCommand,
  Headcounts,
  RegisterEmployer,
  UpdateEmployerHeadcounts,
} from './employer.commands';
import type { RuleBreach } from './employer.error';
import { EmployerErrorCode, EmployerRuleError } from './employer.error';
import { checkCreditCode, checkHeadcounts, checkNotInFuture } from './employer-rules';

interface EmployerRecord extends Headcounts {
  employerId: string;
  creditCode: string;
  name: string;
  kind: EmployerKind;
  streetId: string;
  orgPath: string;
  registeredOn: string;
  /** The date of the figures in force (the latest dated ones). */
  headcountsAsOf: string;
}

/** An employer in the registry (单位台账); its id is its unified social credit code. */
export type Employer =
  | { status: 'None' }
  | ({ status: 'Open' } & EmployerRecord)
  | ({ status: 'Closed'; closedOn: string; closeReason: string } & EmployerRecord);

export type EmployerEvent = EmployerRegistered | EmployerHeadcountsUpdated | EmployerClosed;

export const initialState = (): Employer => ({ status: 'None' });

const headcountsOf = ({
  headcount,
  femaleHeadcount,
  migrantHeadcount,
  newFormHeadcount,
}: Headcounts): Headcounts => ({ headcount, femaleHeadcount, migrantHeadcount, newFormHeadcount });

export const evolve = (state: Employer, event: EmployerEvent): Employer => {
  switch (event.type) {
    case 'EmployerRegistered':
      return { status: 'Open', ...event.data, headcountsAsOf: event.data.registeredOn };
    case 'EmployerHeadcountsUpdated':
      return state.status === 'None'
        ? state
        : { ...state, ...headcountsOf(event.data), headcountsAsOf: event.data.asOf };
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

function refuse(breach: RuleBreach): never {
  throw new EmployerRuleError(breach);
}

const refuseIf = (breach: RuleBreach | null): void => {
  if (breach) refuse(breach);
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
    },
  };
};

// Commands on an existing employer: it must exist (404) and be open.
const openEmployer = (
  state: Employer,
  employerId: string,
): Extract<Employer, { status: 'Open' }> => {
  if (state.status === 'None')
    throw new NotFoundError(`Employer ${employerId} does not exist. / 单位不存在。`);
  if (state.status === 'Closed')
    refuse({
      code: EmployerErrorCode.Closed,
      en: `The employer closed on ${state.closedOn}; nothing more can be recorded for it.`,
      zh: `该单位已于${state.closedOn}注销，不能再登记变更。`,
      details: { closedOn: state.closedOn },
    });

  return state;
};

const sameHeadcounts = (a: Headcounts, b: Headcounts): boolean =>
  (Object.keys(headcountsOf(a)) as (keyof Headcounts)[]).every((field) => a[field] === b[field]);

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
    default:
      return unknownCommand(command);
  }
};

export const employerDecider: Decider<Employer, EmployerCommand, EmployerEvent> = {
  decide,
  evolve,
  initialState,
};
