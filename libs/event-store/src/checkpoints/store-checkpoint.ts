import type { KeyObject } from 'node:crypto';
import { createHash, sign, verify } from 'node:crypto';
import path from 'node:path';

import { canonicalJson } from '../core/canonical-json';

/** A stream's head when the checkpoint was taken: id, version, position and hash of its last event. */
export type CheckpointHead = [streamId: string, version: number, position: string, hash: string];

/** What a checkpoint says, signed; published on the checkpoint topic as it is. */
export interface CheckpointSummary {
  service: string;
  takenAt: string;
  /** The highest position in the store when it was taken (its snapshot). */
  position: string;
  streams: number;
  /** SHA-256 of the canonical JSON of every head, sorted by stream id. */
  headsDigest: string;
  /** Ed25519 by the service's event-signing key, base64. */
  signature: string;
}

/** The whole checkpoint, as kept in the data folder: the summary and every head it digests. */
export interface StoreCheckpoint extends CheckpointSummary {
  heads: CheckpointHead[];
}

// What is signed starts with its kind, so a checkpoint's signature never passes for an event's.
const CHECKPOINT_CONTEXT = 'taizhang checkpoint v1\n';

const signedBytes = (summary: Omit<CheckpointSummary, 'signature'>): Buffer =>
  Buffer.from(
    CHECKPOINT_CONTEXT +
      canonicalJson([
        summary.service,
        summary.takenAt,
        summary.position,
        summary.streams,
        summary.headsDigest,
      ]),
  );

export const digestHeads = (heads: readonly CheckpointHead[]): string =>
  createHash('sha256').update(canonicalJson(heads)).digest('hex');

/** A checkpoint of `heads` (sorted by stream id), signed with the service's key. */
export const signCheckpoint = (
  unsigned: { service: string; takenAt: string; position: string; heads: CheckpointHead[] },
  privateKey: KeyObject,
): StoreCheckpoint => {
  const summary = {
    service: unsigned.service,
    takenAt: unsigned.takenAt,
    position: unsigned.position,
    streams: unsigned.heads.length,
    headsDigest: digestHeads(unsigned.heads),
  };

  return {
    ...summary,
    signature: sign(null, signedBytes(summary), privateKey).toString('base64'),
    heads: unsigned.heads,
  };
};

/** Whether the summary was signed by `publicKey`. */
export const checkpointSignedBy = (summary: CheckpointSummary, publicKey: KeyObject): boolean =>
  verify(null, signedBytes(summary), publicKey, Buffer.from(summary.signature, 'base64'));

/** The summary alone, as the checkpoint topic carries it. */
export const summaryOf = ({ heads: _heads, ...summary }: StoreCheckpoint): CheckpointSummary =>
  summary;

type Env = Record<string, string | undefined>;

/** Where a service keeps its latest checkpoint: `<TAIZHANG_DATA_DIR or .data>/checkpoints/<service>.json`. */
export const checkpointFile = (service: string, env: Env = process.env): string =>
  path.resolve(env['TAIZHANG_DATA_DIR'] || '.data', 'checkpoints', `${service}.json`);
