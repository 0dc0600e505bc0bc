import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '@taizhang/auth';
import { signedInUserOf } from '@taizhang/auth';

import { ImportJobs } from './import-jobs.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 404 for a job outside the caller's scope, before the route runs: an event stream's headers
 * may be on their way before its handler's promise settles, and a refusal then would come as
 * an event of a 200 stream instead of a 404. (A malformed id goes on to the route's 400.)
 */
@Injectable()
export class ImportJobInScope implements CanActivate {
  constructor(private readonly jobs: ImportJobs) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { params: Record<string, string> }>();
    const id = request.params['id'] ?? '';
    if (UUID.test(id)) await this.jobs.progress(signedInUserOf(request), id);

    return true;
  }
}
