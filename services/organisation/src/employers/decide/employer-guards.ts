import { NotFoundError } from '@taizhang/event-store';

import type { RuleBreach } from '../employer.error';
import { EmployerErrorCode, EmployerRuleError } from '../employer.error';
import type { Employer } from '../employer.state';

export function refuse(breach: RuleBreach): never {
  throw new EmployerRuleError(breach);
}

export const refuseIf = (breach: RuleBreach | null): void => {
  if (breach) refuse(breach);
};

/** An employer recorded under the id, open or closed (else 404). */
export const recordedEmployer = (
  state: Employer,
  employerId: string,
): Exclude<Employer, { status: 'None' }> => {
  if (state.status === 'None')
    throw new NotFoundError(`Employer ${employerId} does not exist. / 单位不存在。`);

  return state;
};

// Commands on an existing employer: it must exist (404) and be open.
export const openEmployer = (
  state: Employer,
  employerId: string,
): Extract<Employer, { status: 'Open' }> => {
  const employer = recordedEmployer(state, employerId);
  if (employer.status === 'Closed')
    refuse({
      code: EmployerErrorCode.Closed,
      en: `The employer closed on ${employer.closedOn}; nothing more can be recorded for it.`,
      zh: `该单位已于${employer.closedOn}注销，不能再登记变更。`,
      details: { closedOn: employer.closedOn },
    });

  return employer;
};
