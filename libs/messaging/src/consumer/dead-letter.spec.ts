import { buildDeadLetterHeaders, DeadLetterHeaders } from './dead-letter';

describe('buildDeadLetterHeaders', () => {
  const source = {
    topic: 'taizhang.organisation.v1',
    partition: 7,
    offset: '12345678901234',
    groupId: 'reporting',
    headers: { 'event-type': Buffer.from('MemberJoined'), 'event-id': Buffer.from('e-1') },
  };
  const failedAt = new Date('2026-03-01T08:30:00.000Z');

  it('keeps the original headers and adds the reason and the origin', () => {
    expect(
      buildDeadLetterHeaders(
        { code: 'UNKNOWN_EVENT_TYPE', reason: 'Unknown event type "Nope"' },
        source,
        failedAt,
      ),
    ).toEqual({
      'event-type': Buffer.from('MemberJoined'),
      'event-id': Buffer.from('e-1'),
      'dlq-reason': 'Unknown event type "Nope"',
      'dlq-error-code': 'UNKNOWN_EVENT_TYPE',
      'dlq-original-topic': 'taizhang.organisation.v1',
      'dlq-original-partition': '7',
      'dlq-original-offset': '12345678901234',
      'dlq-consumer-group': 'reporting',
      'dlq-failed-at': '2026-03-01T08:30:00.000Z',
    });
  });

  it('replaces the dead-letter headers of a re-driven message that fails again', () => {
    const headers = buildDeadLetterHeaders(
      { code: 'HANDLER_FAILED', reason: 'second time' },
      { ...source, headers: { [DeadLetterHeaders.reason]: 'first time', other: 'kept' } },
      failedAt,
    );
    expect(headers[DeadLetterHeaders.reason]).toBe('second time');
    expect(headers['other']).toBe('kept');
  });

  it('cuts an overlong reason', () => {
    const headers = buildDeadLetterHeaders(
      { code: 'INVALID_EVENT_DATA', reason: 'x'.repeat(10_000) },
      { ...source, headers: undefined },
      failedAt,
    );
    expect(String(headers[DeadLetterHeaders.reason])).toHaveLength(2_000);
  });
});
