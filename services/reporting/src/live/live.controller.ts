import type { ServerResponse } from 'node:http';

import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';

import { createZodDto } from 'nestjs-zod';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import { ValidationError } from '@taizhang/domain';
import { poolOf } from '@taizhang/event-store';

import { requireOrgPathInScope } from '../org-summary';
import { LiveUnavailableError } from './live.errors';
import { compareStreamIds, isStreamId, liveUpdateFor, sseMessage } from './live-notice';
import type { LiveBacklog, LiveEntry } from './live-stream';
import { LiveStream } from './live-stream';

const LiveQuerySchema = z
  .object({
    unit: z.string().min(1).max(200).describe('the org unit whose figures the view shows'),
    // Checked after the unit's scope (lastIdOf): outside it, a 404 whatever the id.
    lastEventId: z
      .string()
      .max(64)
      .optional()
      .describe('resume after this id (as the Last-Event-ID header does), e.g. 1767000000000-0'),
  })
  .strict();

class LiveQueryDto extends createZodDto(LiveQuerySchema) {}

// A comment line every 15 s keeps proxies from closing a quiet stream and shows a dead one.
const HEARTBEAT_MS = 15_000;
// What EventSource waits before it reconnects by itself.
const RETRY_MS = 2_000;
// setTimeout's limit; a token lives far shorter.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const lastIdOf = (header: string | undefined, query: string | undefined): string | undefined => {
  const id = header?.trim() || query;
  if (id !== undefined && !isStreamId(id))
    throw new ValidationError({
      en: 'Last-Event-ID must be an id this stream sent, e.g. 1767000000000-0.',
      zh: 'Last-Event-ID 必须是本数据流发送过的编号，例如 1767000000000-0。',
    });

  return id;
};

/**
 * 实时更新: which units' figures changed, as server-sent events, for the dashboard to fetch them
 * again. Only units under the one asked for, which must lie in the caller's subtree (404 as
 * unknown otherwise). The stream ends when the caller's token does: the client reconnects with
 * a fresh one and its last id, and gets what it missed.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports')
export class LiveController {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly stream: LiveStream,
  ) {
    this.pool = poolOf(dataSource);
  }

  /**
   * `event: change` (data: orgUnitIds from the unit down, businessDays) after each committed
   * run of projections that touched the unit's subtree; `event: resync` when entries after the
   * given last id are gone (fetch everything); `: heartbeat` comments every 15 s.
   */
  @Get('live')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this id' })
  @ApiOkResponse({ description: 'text/event-stream of change (and resync) events' })
  async live(
    @Query() query: LiveQueryDto,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const unitPath = await requireOrgPathInScope(this.pool, user, query.unit);
    const lastId = lastIdOf(lastEventIdHeader, query.lastEventId);
    if (!this.stream.configured)
      throw new LiveUnavailableError({
        en: 'Live updates are not configured (no Redis); fetch the figures instead.',
        zh: '未配置实时更新（无 Redis），请直接查询数据。',
      });

    // Entries read meanwhile wait here, so that none falls between the backlog and the feed.
    const feed = this.subscribe();
    let backlog: LiveBacklog = { entries: [], gap: false };
    try {
      if (lastId === undefined) await this.stream.ready();
      else backlog = await this.stream.after(lastId);
    } catch {
      feed.unsubscribe();
      throw new LiveUnavailableError({
        en: 'Live updates are unavailable just now; try again shortly.',
        zh: '实时更新暂不可用，请稍后再试。',
      });
    }
    // The caller left while the backlog was read.
    if (response.socket?.destroyed ?? true) return feed.unsubscribe();

    this.follow(response, { unit: query.unit, unitPath, lastId, backlog, feed, user });
  }

  private subscribe() {
    const waiting: LiveEntry[] = [];
    let deliver = (entry: LiveEntry): void => void waiting.push(entry);
    const unsubscribe = this.stream.subscribe((entry) => deliver(entry));

    return {
      unsubscribe,
      /** Hands the waiting entries, then each new one, to `send`. */
      start: (send: (entry: LiveEntry) => void) => {
        for (const entry of waiting.splice(0)) send(entry);
        deliver = send;
      },
    };
  }

  // The stream itself: the backlog, then each entry as read; heartbeats; the end with the token.
  private follow(
    response: ServerResponse,
    {
      unit,
      unitPath,
      lastId,
      backlog,
      feed,
      user,
    }: {
      unit: string;
      unitPath: string;
      lastId: string | undefined;
      backlog: LiveBacklog;
      feed: ReturnType<LiveController['subscribe']>;
      user: AuthenticatedUser;
    },
  ): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${RETRY_MS}\n: live\n\n`);
    this.stream.connections.inc();

    let sent = lastId ?? '0-0';
    const send = (entry: LiveEntry): void => {
      if (compareStreamIds(entry.id, sent) <= 0) return;
      sent = entry.id;
      const update = liveUpdateFor(unitPath, entry.changes);
      if (update) response.write(sseMessage(entry.id, 'change', update));
    };
    const newest = backlog.entries.at(-1)?.id ?? lastId;
    if (backlog.gap && newest !== undefined)
      response.write(sseMessage(newest, 'resync', { orgUnitIds: [unit] }));
    for (const entry of backlog.entries) send(entry);
    feed.start(send);

    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const expiry = setTimeout(
      () => response.end(),
      Math.min(Math.max(user.expiresAt.getTime() - Date.now(), 0), MAX_TIMEOUT_MS),
    );
    response.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      feed.unsubscribe();
      this.stream.connections.dec();
    });
  }
}
