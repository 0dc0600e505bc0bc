import type { Employer, EmployerEvent } from './employer.decider';

/** One stream per credit code: registering a code twice meets the first stream (no global lock). */
export const employerStreamId = (employerId: string): string => `employer-${employerId}`;

/** The org unit of a registration: the new employer, as the decided event places it. */
export const registeredOrgUnit = (
  _state: Employer,
  [registered]: readonly EmployerEvent[],
): { id: string; path: string } => {
  if (registered?.type !== 'EmployerRegistered') throw new Error('Expected EmployerRegistered');

  return { id: registered.data.employerId, path: registered.data.orgPath };
};
