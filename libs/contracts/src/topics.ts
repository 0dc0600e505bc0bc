/** One topic per service, keyed by the org unit id the event concerns (STYLE 2.4). */
export const Topics = {
  organisation: 'taizhang.organisation.v1',
  rights: 'taizhang.rights.v1',
  hardshipAid: 'taizhang.hardship-aid.v1',
  activities: 'taizhang.activities.v1',
  // 报表报送: the reports streets and districts submit upward (ReportSubmitted).
  reporting: 'taizhang.reporting.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Where a message that cannot be processed is parked, with the reason in its headers. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/**
 * Where a service publishes the signed checkpoints of its event store (a digest of every stream
 * head and the store's position), outside its database: `taizhang.<service>.checkpoints.v1`.
 */
export const checkpointTopic = (service: string): string => `taizhang.${service}.checkpoints.v1`;

/** The service that publishes an event topic: `taizhang.hardship-aid.v1` → `hardship-aid`. */
export const publisherOfTopic = (topic: string): string =>
  topic.replace(/^taizhang\.(.+)\.v\d+$/, '$1');

/** The checkpoint topic of every service that publishes events. */
export const checkpointTopics = (): string[] =>
  Object.values(Topics).map((topic) => checkpointTopic(publisherOfTopic(topic)));

/**
 * Every topic the platform needs, dead-letter and checkpoint topics included; the topic-creation
 * step reads this.
 */
export const allTopics = (): string[] => [
  ...Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]),
  ...checkpointTopics(),
];

/** Partitions per event topic: enough for a province (DESIGN §10), keyed by org unit. */
export const TOPIC_PARTITIONS = 12;
