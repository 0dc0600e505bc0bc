import { DomainError } from '@taizhang/domain';

/** Too many requests from one address or by one user in the current window (429). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        en: `Too many requests; try again in ${retryAfterSeconds} s.`,
        zh: '请求过于频繁，请稍后再试。',
      },
      { retryAfterSeconds },
    );
  }
}
