import { IllegalStateError } from '@taizhang/event-store';

import type { ParentRef } from '../../org-units';
import type { EmployerOnRecord } from '../union.commands';

/**
 * The employers a union covers, named by a founding application or by a registration of an
 * existing union: each listed once, in the registry, open, and under the parent federation — an
 * unknown credit code would be a covered employer that no federation counts (建会率). That no
 * other union covers them is kept by the claims of employer_coverage, in the same transaction.
 */
export const checkCoveredEmployers = (
  employerIds: readonly string[],
  employers: readonly EmployerOnRecord[],
  parent: ParentRef,
): void => {
  if (new Set(employerIds).size !== employerIds.length)
    throw new IllegalStateError(
      'An employer is listed twice. / 覆盖单位重复。',
      'DUPLICATE_EMPLOYER',
    );
  for (const employerId of employerIds) {
    const employer = employers.find((record) => record.id === employerId);
    if (!employer || employer.status === 'None' || employer.orgPath === null)
      throw new IllegalStateError(
        `The employer ${employerId} is not in the registry; register it first. / 该单位未登记，请先在单位台账中登记：${employerId}。`,
        'EMPLOYER_NOT_REGISTERED',
        { employerId },
      );
    if (employer.status === 'Closed')
      throw new IllegalStateError(
        `The employer ${employerId} is closed. / 该单位已注销：${employerId}。`,
        'EMPLOYER_CLOSED',
        { employerId },
      );
    if (!employer.orgPath.startsWith(`${parent.orgPath}/`))
      throw new IllegalStateError(
        `The employer ${employerId} is not under the federation applied to. / 该单位不在所申请的上级工会辖区内：${employerId}。`,
        'EMPLOYER_OUTSIDE_PARENT',
        { employerId },
      );
  }
};
