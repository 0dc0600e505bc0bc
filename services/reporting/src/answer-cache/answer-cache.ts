import { randomUUID } from 'node:crypto';

import type { OnApplicationShutdown } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { Redis } from 'ioredis';
import { Registry } from 'prom-client';

import { PlatformConfig } from '@taizhang/bootstrap';
import { businessDate } from '@taizhang/domain';

import { AnswerCacheMetrics } from './answer-cache.metrics';
import type { AnswerOf } from './answer-key';
import { answerKey } from './answer-key';

/** How long an answer is kept at most: bounds what a lost invalidation could leave (below). */
export const ANSWER_TTL_SECONDS = 300;

// A cache that answers slower than this is treated as away: PostgreSQL answers instead.
const REDIS_TIMEOUT_MS = 250;

/**
 * Reporting's answers cached in Redis (DESIGN §6), under a generation every committed run of
 * projected events replaces (`invalidate`, a post-commit hook of the topic consumers): the
 * generation is read before PostgreSQL, so an answer read before a commit is stored under the
 * generation the commit retires and never served after it. The generation is a random token,
 * not a counter, so a generation key lost (evicted, Redis restarted) never brings old answers
 * back. Answers as known at a past instant are invalidated too: an event recorded before the
 * instant can still reach reporting late (another partition, a relay behind), and an answer's
 * `lateChanges` compare with now. Keys carry the database's name, so services (and test runs)
 * on one Redis stay apart. Redis away fails nothing: the answer comes from PostgreSQL and is
 * counted; an invalidation that did not reach Redis is retried before this instance reads the
 * cache again, and answers expire after {@link ANSWER_TTL_SECONDS} whatever happens.
 */
@Injectable()
export class AnswerCache implements OnApplicationShutdown {
  private readonly client: Redis | undefined;
  private readonly prefix: string;
  private readonly generationKey: string;
  private readonly metrics: AnswerCacheMetrics;
  private invalidationOwed = false;

  constructor(config: PlatformConfig, registry: Registry) {
    const database = decodeURIComponent(new URL(config.database.url).pathname.slice(1));
    this.prefix = `taizhang:${config.serviceName}:${database}:`;
    this.generationKey = `${this.prefix}generation`;
    this.metrics = new AnswerCacheMetrics(registry);
    this.client =
      config.redis.url === undefined
        ? undefined
        : new Redis(config.redis.url, {
            // Fail at once while disconnected instead of queueing: PostgreSQL answers meanwhile.
            enableOfflineQueue: false,
            maxRetriesPerRequest: 0,
            connectTimeout: 1_000,
            commandTimeout: REDIS_TIMEOUT_MS,
          });
    // Unavailability is counted where it matters; unhandled, ioredis would print each error.
    this.client?.on('error', () => undefined);
  }

  /** The cached answer of `of`, else `compute()`'s, cached. */
  async answer<T>(of: AnswerOf, compute: () => Promise<T>): Promise<T> {
    const client = this.client;
    const generation = await this.generation();
    if (client === undefined || generation === null) return compute();
    const key = answerKey(this.prefix, generation, businessDate(new Date()), of);
    let cached: string | null;
    try {
      cached = await client.get(key);
    } catch {
      this.metrics.unavailable();

      return compute();
    }
    if (cached !== null) {
      this.metrics.hit(of.route);

      return JSON.parse(cached) as T;
    }
    this.metrics.miss(of.route);
    const answer = await compute();
    await client
      .set(key, JSON.stringify(answer), 'EX', ANSWER_TTL_SECONDS)
      .catch(() => this.metrics.unavailable());

    return answer;
  }

  /** Retires every cached answer: called after projections committed a run of events. */
  async invalidate(): Promise<void> {
    if (this.client === undefined) return;
    try {
      await this.client.set(this.generationKey, randomUUID());
      this.invalidationOwed = false;
      this.metrics.invalidated();
    } catch {
      // Until an invalidation reaches Redis, this instance reads no cached answer.
      this.invalidationOwed = true;
      this.metrics.unavailable();
    }
  }

  /** The current generation (created when there is none), or null when Redis is away. */
  private async generation(): Promise<string | null> {
    const client = this.client;
    if (client === undefined) return null;
    if (this.invalidationOwed) await this.invalidate();
    if (this.invalidationOwed) return null;
    try {
      const current = await client.get(this.generationKey);
      if (current !== null) return current;
      await client.set(this.generationKey, randomUUID(), 'NX');

      return await client.get(this.generationKey);
    } catch {
      this.metrics.unavailable();

      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client === undefined || this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}
