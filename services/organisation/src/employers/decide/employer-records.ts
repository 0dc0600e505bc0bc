import type { EmployerDetailsChanged, EmployerHeadcountsCorrected } from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';

import type {
  ChangeEmployerDetails,
  CorrectEmployerHeadcounts,
  EmployerDetails,
  Headcounts,
} from '../employer.commands';
import { EmployerErrorCode } from '../employer.error';
import type { Employer } from '../employer.state';
import { checkHeadcounts, checkNotInFuture } from '../employer-rules';
import { openEmployer, recordedEmployer, refuse, refuseIf } from './employer-guards';

export const headcountsOf = ({
  headcount,
  femaleHeadcount,
  migrantHeadcount,
  newFormHeadcount,
}: Headcounts): Headcounts => ({ headcount, femaleHeadcount, migrantHeadcount, newFormHeadcount });

/** The details given (an absent one is left out, so it leaves the recorded value as it is). */
export const detailsOf = ({
  address,
  legalRepresentative,
  registeredCapital,
}: EmployerDetails): EmployerDetails => ({
  ...(address === undefined ? {} : { address }),
  ...(legalRepresentative === undefined ? {} : { legalRepresentative }),
  ...(registeredCapital === undefined ? {} : { registeredCapital }),
});

export const sameHeadcounts = (a: Headcounts, b: Headcounts): boolean =>
  (Object.keys(headcountsOf(a)) as (keyof Headcounts)[]).every((field) => a[field] === b[field]);

/**
 * 地址、法定代表人、注册资本 change from a date, not before the registration; what is given and
 * differs from the record is recorded, the same values again change nothing.
 */
export const changeEmployerDetails = (
  command: ChangeEmployerDetails,
  state: Employer,
): EmployerDetailsChanged[] => {
  const { employerId, effectiveOn } = command.data;
  const employer = openEmployer(state, employerId);
  const given = detailsOf(command.data);
  if (Object.keys(given).length === 0)
    refuse({
      code: EmployerErrorCode.NothingToChange,
      en: 'Give an address, a legal representative or a registered capital.',
      zh: '请填写地址、法定代表人或注册资本。',
    });
  refuseIf(checkNotInFuture(effectiveOn, businessDate(command.metadata.now), 'effectiveOn'));
  if (effectiveOn < employer.registeredOn)
    refuse({
      code: EmployerErrorCode.ChangedBeforeRegistration,
      en: `A change cannot take effect (${effectiveOn}) before the registration (${employer.registeredOn}).`,
      zh: `变更日期早于登记日期（${employer.registeredOn}）。`,
      field: 'effectiveOn',
      details: { registeredOn: employer.registeredOn },
    });
  const changed = Object.fromEntries(
    Object.entries(given).filter(
      ([field, value]) => employer[field as keyof EmployerDetails] !== value,
    ),
  ) as EmployerDetails;
  if (Object.keys(changed).length === 0) return [];

  return [{ type: 'EmployerDetailsChanged', data: { employerId, effectiveOn, ...changed } }];
};

/**
 * A correction replaces the figures recorded for one past date, of an open or a closed employer
 * (a closed one's past still counts); the event keeps what it corrects. Only a date figures were
 * recorded for can be corrected; the same figures again change nothing.
 */
export const correctEmployerHeadcounts = (
  command: CorrectEmployerHeadcounts,
  state: Employer,
): EmployerHeadcountsCorrected[] => {
  const { employerId, asOf, reason } = command.data;
  const employer = recordedEmployer(state, employerId);
  refuseIf(checkHeadcounts(command.data));
  const recorded = employer.recordedHeadcounts ?? [];
  const previous = recorded.find((dated) => dated.asOf === asOf);
  if (!previous)
    refuse({
      code: EmployerErrorCode.HeadcountsNotRecorded,
      en: `No figures were recorded for ${asOf}: record figures as of a date, or correct a date recorded.`,
      zh: `${asOf}没有登记过人数，只能更正已登记日期的人数。`,
      field: 'asOf',
      details: { recordedDates: recorded.map((dated) => dated.asOf) },
    });
  if (sameHeadcounts(previous, command.data)) return [];

  return [
    {
      type: 'EmployerHeadcountsCorrected',
      data: {
        employerId,
        asOf,
        ...headcountsOf(command.data),
        corrects: headcountsOf(previous),
        reason,
      },
    },
  ];
};
