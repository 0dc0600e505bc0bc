import type { Registry } from 'prom-client';
import { Counter, Gauge } from 'prom-client';

/** The answer cache's metrics: hits and misses by route, the hit ratio, Redis unavailable. */
export class AnswerCacheMetrics {
  private readonly hitCount = new Map<string, number>();
  private readonly missCount = new Map<string, number>();
  private readonly hits: Counter<'route'>;
  private readonly misses: Counter<'route'>;
  private readonly unavailableCount: Counter;
  private readonly invalidations: Counter;

  constructor(registry: Registry) {
    this.hits = new Counter({
      name: 'taizhang_reporting_cache_hits_total',
      help: 'Answers served from the Redis answer cache',
      labelNames: ['route'],
      registers: [registry],
    });
    this.misses = new Counter({
      name: 'taizhang_reporting_cache_misses_total',
      help: 'Answers not in the cache: read from PostgreSQL, then cached',
      labelNames: ['route'],
      registers: [registry],
    });
    this.unavailableCount = new Counter({
      name: 'taizhang_reporting_cache_unavailable_total',
      help: 'Cache reads, writes or invalidations Redis did not answer (the answer came from PostgreSQL)',
      registers: [registry],
    });
    this.invalidations = new Counter({
      name: 'taizhang_reporting_cache_invalidations_total',
      help: 'New cache generations after projections committed events',
      registers: [registry],
    });
    const ratioOf = (route?: string) => {
      const sum = (counts: Map<string, number>) =>
        route === undefined
          ? [...counts.values()].reduce((a, b) => a + b, 0)
          : (counts.get(route) ?? 0);
      const [hit, miss] = [sum(this.hitCount), sum(this.missCount)];

      return hit + miss === 0 ? 0 : hit / (hit + miss);
    };
    const routes = () => new Set([...this.hitCount.keys(), ...this.missCount.keys()]);
    new Gauge({
      name: 'taizhang_reporting_cache_hit_ratio',
      help: 'Cache hits / (hits + misses) since the process started, per route and over all (route="all")',
      labelNames: ['route'],
      registers: [registry],
      collect() {
        this.set({ route: 'all' }, ratioOf());
        for (const route of routes()) this.set({ route }, ratioOf(route));
      },
    });
  }

  hit(route: string): void {
    this.hits.inc({ route });
    this.hitCount.set(route, (this.hitCount.get(route) ?? 0) + 1);
  }

  miss(route: string): void {
    this.misses.inc({ route });
    this.missCount.set(route, (this.missCount.get(route) ?? 0) + 1);
  }

  unavailable(): void {
    this.unavailableCount.inc();
  }

  invalidated(): void {
    this.invalidations.inc();
  }
}
