import type { RpcExceptionFilter } from '@nestjs/common';
import { Catch } from '@nestjs/common';

import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

/**
 * Hands a handler's error to the event transport unchanged. Nest's default RPC filter replaces
 * anything but an `RpcException` with "Internal server error", which would then be all that the
 * dead-letter reason says.
 */
@Catch()
export class EventHandlerErrorFilter implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
