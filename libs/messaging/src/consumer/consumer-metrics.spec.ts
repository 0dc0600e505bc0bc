import { Registry } from 'prom-client';

import { ConsumerMetricNames, ConsumerMetrics } from './consumer-metrics';

describe('ConsumerMetrics', () => {
  it('lets several consumers share one registry, each under its group', async () => {
    const registry = new Registry();
    const reporting = new ConsumerMetrics('reporting', registry);
    const hardship = new ConsumerMetrics('hardship-aid', registry);
    reporting.processed('t');
    reporting.processed('t');
    hardship.processed('t');
    hardship.deadLettered('t', 'UNKNOWN_EVENT_TYPE');

    const processed = await registry.getSingleMetric(ConsumerMetricNames.processed)!.get();
    expect(processed.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { group: 'reporting', topic: 't' }, value: 2 }),
        expect.objectContaining({ labels: { group: 'hardship-aid', topic: 't' }, value: 1 }),
      ]),
    );
    expect(await registry.metrics()).toContain(
      'taizhang_consumer_dead_lettered_total{group="hardship-aid",topic="t",code="UNKNOWN_EVENT_TYPE"} 1',
    );
  });

  it('drops the lag series of a partition the instance no longer owns', async () => {
    const registry = new Registry();
    const metrics = new ConsumerMetrics('reporting', registry);
    metrics.lag({ topic: 't', partition: 0, highWatermark: '9', processedOffset: '4', lag: 5 });
    metrics.lag({ topic: 't', partition: 1, highWatermark: '3', processedOffset: '3', lag: 0 });
    metrics.forget({ topic: 't', partition: 0 });

    const lag = await registry.getSingleMetric(ConsumerMetricNames.lag)!.get();
    expect(lag.values).toEqual([
      expect.objectContaining({
        labels: { group: 'reporting', topic: 't', partition: '1' },
        value: 0,
      }),
    ]);
  });
});
