import { DomainError } from '@taizhang/event-store';

import { AuthErrorCode } from '../auth-error-code';

/** An auditor tried to change something inside its scope (403). */
export class ReadOnlyRoleError extends DomainError {
  readonly code = AuthErrorCode.ReadOnlyRole;
  readonly status = 403;
  constructor() {
    super('An auditor may read but not change anything. / 审计人员只能查看，不能修改。');
  }
}

/** The command must come from a unit above the target, not from the target itself (403). */
export class NotAboveTargetError extends DomainError {
  readonly code = AuthErrorCode.NotAboveTarget;
  readonly status = 403;
  constructor() {
    super('Only a union above this unit may do this. / 须由上级工会办理。');
  }
}
