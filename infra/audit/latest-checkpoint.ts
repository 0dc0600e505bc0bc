import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { Kafka } from 'kafkajs';

import type { CheckpointSummary, StoreCheckpoint } from '@taizhang/event-store';
import { checkpointSignedBy, digestHeads } from '@taizhang/event-store';

import { readTopicUpTo, topicEnds } from './read-topic';

export interface LatestCheckpoint {
  /** The checkpoint the store is checked against, signed and whole; none before the first. */
  checkpoint: StoreCheckpoint | undefined;
  /** What is wrong with the checkpoints themselves, in plain words. */
  problems: string[];
}

const isMissing = (error: unknown): boolean => (error as { code?: string }).code === 'ENOENT';

/** The newest summary on the checkpoint topic (one partition, a message per interval), if any. */
const newestPublished = async (
  kafka: Kafka,
  topic: string,
): Promise<CheckpointSummary | undefined> => {
  const ends = await topicEnds(kafka, topic);
  const last = ends.find(({ end }) => end > 0n);
  if (!last) return undefined;
  let newest: CheckpointSummary | undefined;
  await readTopicUpTo(kafka, topic, [last], (_partition, messages) => {
    const message = messages[messages.length - 1];
    if (message) newest = JSON.parse(message.value!.toString()) as CheckpointSummary;
  });

  return newest;
};

/**
 * The service's latest checkpoint from its file, checked: signed by the service's key, its heads
 * matching the digest signed, and not older than the newest one on the checkpoint topic (a file
 * put back from earlier, or removed, would otherwise hide what was deleted since).
 */
export const latestCheckpoint = async (
  service: string,
  file: string,
  publicKey: KeyObject,
  published: { kafka: Kafka; topic: string },
): Promise<LatestCheckpoint> => {
  const problems: string[] = [];
  // The topic first: a service writes the file before it publishes, so a checkpoint taken
  // meanwhile makes the file newer than what was read from the topic, never older.
  const newest = await newestPublished(published.kafka, published.topic);
  const checkpoint = await readCheckpointFile(service, file, publicKey, problems);
  if (
    newest &&
    checkpointSignedBy(newest, publicKey) &&
    newest.takenAt > (checkpoint?.takenAt ?? '')
  )
    problems.push(
      `the newest checkpoint on ${published.topic} (taken at ${newest.takenAt}, position ${newest.position}) is not in ${file}: the file was removed or replaced by an older one`,
    );

  return { checkpoint, problems };
};

/** The checkpoint in `file` if it is whole and signed by the service; what is wrong, else. */
const readCheckpointFile = async (
  service: string,
  file: string,
  publicKey: KeyObject,
  problems: string[],
): Promise<StoreCheckpoint | undefined> => {
  let checkpoint: StoreCheckpoint;
  try {
    checkpoint = JSON.parse(await readFile(file, 'utf8')) as StoreCheckpoint;
  } catch (error) {
    if (!isMissing(error))
      problems.push(`the checkpoint file ${file} cannot be read (${String(error)})`);

    return undefined;
  }
  if (!checkpointSignedBy(checkpoint, publicKey)) {
    problems.push(
      `the checkpoint file ${file} is not signed by ${service}'s key (altered or replaced)`,
    );

    return undefined;
  }
  if (digestHeads(checkpoint.heads) !== checkpoint.headsDigest) {
    problems.push(`the stream heads in ${file} do not match their signed digest (altered)`);

    return undefined;
  }

  return checkpoint;
};
