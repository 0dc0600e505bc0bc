import Redis from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Resolves to true when Redis answers PING at the URL; never retries. */
export const pingRedis = async (url: string, timeoutMs = 3_000): Promise<boolean> => {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Without a listener ioredis prints every connection error.
  client.on('error', () => undefined);
  try {
    await client.connect();

    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
};
