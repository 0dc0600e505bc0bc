import { createKafka, kafkaSecurityFromEnv } from './create-kafka';

describe('Kafka client security (KAFKA_SASL_*, KAFKA_SSL)', () => {
  it('signs in with SASL/SCRAM as the principal the environment names', () => {
    expect(
      kafkaSecurityFromEnv({
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_SASL_USERNAME: 'organisation',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    ).toEqual({
      ssl: false,
      sasl: { mechanism: 'scram-sha-512', username: 'organisation', password: 'secret' },
    });
    expect(kafkaSecurityFromEnv({ KAFKA_SSL: 'true' })).toEqual({ ssl: true });
  });

  it('connects without SASL when no mechanism is set (the local broker)', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({ ssl: false });
  });

  it('refuses a mechanism without its credentials, or one it does not know, naming the variables', () => {
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'scram-sha-256' })).toThrow(
      'KAFKA_SASL_MECHANISM is scram-sha-256: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set too',
    );
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(
      'KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512, not "gssapi"',
    );
  });

  it('is what every client createKafka makes uses, from the environment by default', () => {
    const before = process.env['KAFKA_SASL_MECHANISM'];
    process.env['KAFKA_SASL_MECHANISM'] = 'scram-sha-512';
    try {
      expect(() => createKafka({ clientId: 'test', brokers: ['127.0.0.1:9092'] })).toThrow(
        'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set too',
      );
    } finally {
      if (before === undefined) delete process.env['KAFKA_SASL_MECHANISM'];
      else process.env['KAFKA_SASL_MECHANISM'] = before;
    }
    expect(() =>
      createKafka({ clientId: 'test', brokers: ['127.0.0.1:9092'], security: { ssl: false } }),
    ).not.toThrow();
  });
});
