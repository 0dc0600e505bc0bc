import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type Redis from 'ioredis';

import { GatewayConfig } from '../config/gateway.config';
import type { Clock } from './tokens';
import { CLOCK, REDIS } from './tokens';

/** A sign-in session: one per login, ended by logout or by a change to the account. */
export interface Session {
  sessionId: string;
  userId: string;
  /** The opaque refresh token: `<sessionId>.<secret>`; only its hash is stored. */
  refreshToken: string;
  /** A session lasts this long from sign-in, however often it is refreshed. */
  expiresAt: Date;
}

const sessionKey = (sessionId: string) => `session:${sessionId}`;
const userSessionsKey = (userId: string) => `user-sessions:${userId}`;
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const REFRESH_TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

// Swaps the refresh hash only if the presented one is current. An old one presented again means
// the token was copied: the whole session ends (refresh-token reuse detection).
const ROTATE = `
  local stored = redis.call('HGET', KEYS[1], 'refreshHash')
  if not stored then return 0 end
  if stored ~= ARGV[1] then
    redis.call('DEL', KEYS[1])
    return -1
  end
  redis.call('HSET', KEYS[1], 'refreshHash', ARGV[2])
  return redis.call('HMGET', KEYS[1], 'userId', 'expiresAt')`;

/** Sign-in sessions in Redis: an access token is honoured only while its session exists. */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(userId: string): Promise<Session> {
    const sessionId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const ttl = this.config.tokens.sessionTtlSeconds;
    const expiresAt = new Date(this.clock().getTime() + ttl * 1000);
    await this.redis
      .multi()
      .hset(sessionKey(sessionId), {
        userId,
        refreshHash: hash(secret),
        expiresAt: expiresAt.toISOString(),
      })
      .expire(sessionKey(sessionId), ttl)
      .sadd(userSessionsKey(userId), sessionId)
      .expire(userSessionsKey(userId), ttl)
      .exec();

    return { sessionId, userId, refreshToken: `${sessionId}.${secret}`, expiresAt };
  }

  async isActive(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(sessionKey(sessionId))) === 1;
  }

  /** Trades a refresh token for a new one in the same session; `null` if it is not current. */
  async rotate(refreshToken: string): Promise<Session | null> {
    const match = REFRESH_TOKEN.exec(refreshToken);
    if (!match) return null;
    const [, sessionId, secret] = match as unknown as [string, string, string];
    const next = randomBytes(32).toString('base64url');
    const result = await this.redis.eval(
      ROTATE,
      1,
      sessionKey(sessionId),
      hash(secret),
      hash(next),
    );
    if (!Array.isArray(result)) return null;
    const [userId, expiresAt] = result as [string | null, string | null];
    if (!userId || !expiresAt) return null;

    return {
      sessionId,
      userId,
      refreshToken: `${sessionId}.${next}`,
      expiresAt: new Date(expiresAt),
    };
  }

  /** The session a refresh token belongs to, if the token is its current one. */
  async sessionOf(refreshToken: string): Promise<string | null> {
    const match = REFRESH_TOKEN.exec(refreshToken);
    if (!match) return null;
    const [, sessionId, secret] = match as unknown as [string, string, string];
    const stored = await this.redis.hget(sessionKey(sessionId), 'refreshHash');
    if (!stored) return null;
    const presented = Buffer.from(hash(secret), 'hex');

    return timingSafeEqual(Buffer.from(stored, 'hex'), presented) ? sessionId : null;
  }

  async end(sessionId: string): Promise<void> {
    const userId = await this.redis.hget(sessionKey(sessionId), 'userId');
    const pipeline = this.redis.multi().del(sessionKey(sessionId));
    if (userId) pipeline.srem(userSessionsKey(userId), sessionId);
    await pipeline.exec();
  }

  /** Ends every session of a user (account disabled, re-roled, moved or given a new password). */
  async endAll(userId: string): Promise<void> {
    const sessionIds = await this.redis.smembers(userSessionsKey(userId));
    await this.redis
      .multi()
      .del(...sessionIds.map(sessionKey), userSessionsKey(userId))
      .exec();
  }
}
