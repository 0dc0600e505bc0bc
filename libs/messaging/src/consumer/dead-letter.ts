import type { IHeaders } from 'kafkajs';

/** Why a message was dead-lettered: the contract codes of `@taizhang/contracts`, plus three of ours. */
export type DeadLetterCode =
  | 'INVALID_SIGNATURE'
  | 'INVALID_JSON'
  | 'INVALID_ENVELOPE'
  | 'UNKNOWN_EVENT_TYPE'
  | 'INVALID_EVENT_DATA'
  | 'HANDLER_FAILED';

/** Headers added to a dead-lettered message, beside the original ones. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  errorCode: 'dlq-error-code',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

export interface DeadLetter {
  code: DeadLetterCode;
  /** Plain words for whoever reads the dead-letter topic. */
  reason: string;
}

export interface DeadLetterSource {
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
  headers: IHeaders | undefined;
}

// Kafka headers have no size limit of their own, but a whole zod report is noise in a header.
const MAX_REASON_LENGTH = 2_000;

/**
 * The headers of a dead-lettered message: the original ones, then the reason and where it came
 * from (ours win, so that a re-driven message that fails again tells its latest story).
 */
export const buildDeadLetterHeaders = (
  letter: DeadLetter,
  source: DeadLetterSource,
  failedAt: Date,
): IHeaders => ({
  ...source.headers,
  [DeadLetterHeaders.reason]: letter.reason.slice(0, MAX_REASON_LENGTH),
  [DeadLetterHeaders.errorCode]: letter.code,
  [DeadLetterHeaders.originalTopic]: source.topic,
  [DeadLetterHeaders.originalPartition]: String(source.partition),
  [DeadLetterHeaders.originalOffset]: source.offset,
  [DeadLetterHeaders.consumerGroup]: source.groupId,
  [DeadLetterHeaders.failedAt]: failedAt.toISOString(),
});
