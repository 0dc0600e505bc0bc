import { DomainError } from '@taizhang/event-store';

/** A federation officer submits the reports of its own unit only, not of a unit below (403). */
export class NotOwnUnitError extends DomainError {
  readonly code = 'REPORT_NOT_OWN_UNIT';
  readonly status = 403;
  constructor() {
    super({
      en: 'Only an officer of this federation may submit its report.',
      zh: '只能由本级工会的工作人员报送本级报表。',
    });
  }
}
