import type { KafkaMessage } from 'kafkajs';

/**
 * Set on a message put back from a dead-letter topic (`npm run dlq -- redrive`): the consumer
 * group that dead-lettered it. The other groups of the topic processed that event already (or
 * dead-lettered it themselves) and skip it, whether or not they still hold a record of it.
 */
export const REDRIVEN_FOR_GROUP_HEADER = 'redriven-for-group';

/** Whether the message was put back for another consumer group than `groupId`. */
export const isRedrivenForAnotherGroup = (message: KafkaMessage, groupId: string): boolean => {
  const target = message.headers?.[REDRIVEN_FOR_GROUP_HEADER];

  return target !== undefined && target.toString() !== groupId;
};
