import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';

import { Redis } from 'ioredis';
import { Counter, Gauge, Registry } from 'prom-client';

import { PlatformConfig } from '@taizhang/bootstrap';

import type { LiveChange } from './live-notice';
import { compareStreamIds } from './live-notice';

/** One entry of the live stream: its Redis id and the changes it carries. */
export interface LiveEntry {
  readonly id: string;
  readonly changes: readonly LiveChange[];
}

/** What a resume finds after a given id: the entries, and whether older ones were trimmed. */
export interface LiveBacklog {
  readonly entries: readonly LiveEntry[];
  /** Entries after the id may have been trimmed (MAXLEN) or lost (Redis restarted). */
  readonly gap: boolean;
}

// Entries kept for resuming (XADD MAXLEN ~): one per committed run, hours of an ordinary day.
const KEPT_ENTRIES = 10_000;
// What one resume sends at most; a caller further behind is told to fetch everything again.
const BACKLOG_LIMIT = 1_000;
// How long one XREAD waits for new entries before it asks again.
const BLOCK_MS = 5_000;
const RETRY_MS = { first: 500, max: 10_000 };

const entryOf = ([id, fields]: [string, string[]]): LiveEntry => {
  const at = fields.indexOf('changes');
  try {
    return { id, changes: JSON.parse(fields[at + 1] ?? '[]') as LiveChange[] };
  } catch {
    return { id, changes: [] };
  }
};

/**
 * The live stream of reporting (DESIGN §8: Redis for live-update fan-out): each committed run of
 * projections adds one entry (XADD, capped); every instance reads every entry (XREAD BLOCK on a
 * connection of its own) and hands it to its subscribers, so a change projected by one instance
 * reaches the browsers connected to any other. Redis is never needed for the figures: without it
 * nothing is published or delivered (logged, counted) and the dashboard keeps its own fetches.
 */
@Injectable()
export class LiveStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveStream.name);
  readonly key: string;
  private readonly writer: Redis | undefined;
  private readonly reader: Redis | undefined;
  private readonly listeners = new Set<(entry: LiveEntry) => void>();
  private running = false;
  private stopped: Promise<void> = Promise.resolve();
  private readonly failures: Counter<'operation'>;
  readonly connections: Gauge;

  constructor(config: PlatformConfig, registry: Registry) {
    // Named like a topic, so that a test run's suffix keeps its entries its own.
    this.key = config.kafka.topic('reporting.live');
    const url = config.redis.url;
    const options = {
      lazyConnect: true,
      // A command while Redis is away fails at once: nothing waits on it, nothing piles up.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2_000,
      retryStrategy: (times: number) => Math.min(times * RETRY_MS.first, RETRY_MS.max),
    };
    this.writer = url === undefined ? undefined : new Redis(url, options);
    this.reader = url === undefined ? undefined : new Redis(url, options);
    // Unhandled, ioredis would print every failed reconnect; the failures are counted instead.
    this.writer?.on('error', () => undefined);
    this.reader?.on('error', () => undefined);
    this.failures = new Counter({
      name: 'taizhang_reporting_live_failures_total',
      help: 'Live-update operations that failed because Redis was unavailable (publish, read, resume)',
      labelNames: ['operation'],
      registers: [registry],
    });
    this.connections = new Gauge({
      name: 'taizhang_reporting_live_connections',
      help: 'Browsers connected to GET /reports/live on this instance',
      registers: [registry],
    });
  }

  /** Whether live updates are configured at all (REDIS_URL set). */
  get configured(): boolean {
    return this.writer !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.reader) return;
    this.running = true;
    this.stopped = this.readForever(this.reader);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const client of [this.reader, this.writer]) client?.disconnect();
    await this.stopped;
  }

  /** Adds one entry; a failure is logged and counted, never thrown (the projections committed). */
  publish(changes: readonly LiveChange[]): void {
    const writer = this.writer;
    if (!writer || changes.length === 0) return;
    void this.connected(writer)
      .then(() =>
        writer.xadd(this.key, 'MAXLEN', '~', KEPT_ENTRIES, '*', 'changes', JSON.stringify(changes)),
      )
      .catch((error: unknown) => this.failed('publish', error));
  }

  /** Calls `listener` with each entry read from now on, until the returned function is called. */
  subscribe(listener: (entry: LiveEntry) => void): () => void {
    this.listeners.add(listener);

    return () => void this.listeners.delete(listener);
  }

  /** Throws while Redis cannot be reached (a new subscriber is then told to come back later). */
  async ready(): Promise<void> {
    const writer = this.writer!;
    try {
      await this.connected(writer);
      await writer.ping();
    } catch (error) {
      this.failed('resume', error);
      throw error;
    }
  }

  /** The entries after `lastId`, for a resume; throws while Redis cannot be reached. */
  async after(lastId: string): Promise<LiveBacklog> {
    const writer = this.writer!;
    try {
      await this.connected(writer);
      const [entries, first] = await Promise.all([
        writer.xrange(this.key, `(${lastId}`, '+', 'COUNT', BACKLOG_LIMIT),
        writer.xrange(this.key, '-', '+', 'COUNT', 1),
      ]);
      const oldest = first[0]?.[0];
      // Entries after lastId may be gone when the oldest kept one is later (trimmed, or Redis
      // restarted empty): the caller then fetches everything again rather than miss one.
      const gap =
        entries.length === BACKLOG_LIMIT ||
        oldest === undefined ||
        compareStreamIds(oldest, lastId) > 0;

      return { entries: entries.map(entryOf), gap };
    } catch (error) {
      this.failed('resume', error);
      throw error;
    }
  }

  private async connected(client: Redis): Promise<void> {
    if (client.status === 'wait') await client.connect();
  }

  private failed(operation: 'publish' | 'read' | 'resume', error: unknown): void {
    this.failures.inc({ operation });
    this.logger.warn(
      { err: error instanceof Error ? error.message : String(error), operation },
      'Live updates: Redis unavailable; figures are unaffected, browsers fall back to fetching',
    );
  }

  // Hands each entry read to this instance's subscribers; the id to read on from.
  private deliver(entries: ReadonlyArray<[string, string[]]>, last: string): string {
    let read = last;
    for (const raw of entries) {
      const entry = entryOf(raw);
      read = entry.id;
      for (const listener of this.listeners) listener(entry);
    }

    return read;
  }

  // The fan-out: every instance reads every entry. After an outage it goes on from the last id
  // read, so entries added while it was away are still delivered.
  private async readForever(reader: Redis): Promise<void> {
    let last: string | undefined;
    let delay = RETRY_MS.first;
    while (this.running) {
      try {
        await this.connected(reader);
        if (last === undefined) {
          const newest = await reader.xrevrange(this.key, '+', '-', 'COUNT', 1);
          last = newest[0]?.[0] ?? '0-0';
        }
        const answer = await reader.xread('BLOCK', BLOCK_MS, 'STREAMS', this.key, last);
        delay = RETRY_MS.first;
        last = this.deliver(answer?.[0]?.[1] ?? [], last);
      } catch (error) {
        if (!this.running) break;
        this.failed('read', error);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, RETRY_MS.max);
      }
    }
  }
}
