import { DomainError } from '@taizhang/domain';

/** Live updates cannot be had just now (no Redis): the dashboard keeps its own fetches (503). */
export class LiveUnavailableError extends DomainError {
  readonly code = 'LIVE_UNAVAILABLE';
  readonly status = 503;
}
