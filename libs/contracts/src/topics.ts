/** One topic per service, keyed by the org unit id the event concerns (STYLE 2.4). */
export const Topics = {
  organisation: 'taizhang.organisation.v1',
  rights: 'taizhang.rights.v1',
  hardshipAid: 'taizhang.hardship-aid.v1',
  activities: 'taizhang.activities.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Where a message that cannot be processed is parked, with the reason in its headers. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** Every topic the platform needs, dead-letter topics included; the topic-creation step reads this. */
export const allTopics = (): string[] =>
  Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]);

/** Partitions per event topic: enough for a province (DESIGN §10), keyed by org unit. */
export const TOPIC_PARTITIONS = 12;
