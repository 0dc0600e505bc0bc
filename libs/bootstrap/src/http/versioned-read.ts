import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { applyDecorators, Injectable, UseInterceptors } from '@nestjs/common';

import type { Observable } from 'rxjs';
import { map } from 'rxjs';

import { versionTag } from './command-response';

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

/** A read's body and the version it was read at, which the answer's ETag carries. */
export class Versioned<T> {
  constructor(
    readonly version: number,
    readonly body: T,
  ) {}
}

/** What a `@VersionedRead()` route returns: the body, answered with `ETag: "<version>"`. */
export const versioned = <T>(version: number, body: T): Versioned<T> =>
  new Versioned(version, body);

/** Answers a {@link Versioned} read: its body, with its version as the ETag. */
@Injectable()
export class VersionedReadInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<HeaderResponse>();

    return next.handle().pipe(
      map((answer) => {
        if (!(answer instanceof Versioned)) return answer;
        response.setHeader('ETag', versionTag(answer.version));

        return answer.body as unknown;
      }),
    );
  }
}

/**
 * A read whose answer carries the version it was read at as `ETag` (a caller sends it back as
 * If-Match to guard its next change): return `versioned(version, body)`.
 */
export const VersionedRead = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseInterceptors(VersionedReadInterceptor));
