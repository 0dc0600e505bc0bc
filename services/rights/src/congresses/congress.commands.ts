import type { Command } from '@taizhang/event-store';

import type { UnionOnRecord } from '../shared/union-on-record';

/** A session of the workers' congress (职代会) or teachers' congress (教代会). */
export type HoldCongress = Command<
  'HoldCongress',
  {
    congressId: string;
    union: UnionOnRecord;
    kind: 'workers' | 'teachers';
    heldOn: string;
    delegatesEntitled: number;
    delegatesPresent: number;
  }
>;
/** A vote on a resolution (决议) of the session. */
export type VoteResolution = Command<
  'VoteResolution',
  { resolutionId: string; title: string; votesFor: number }
>;

export type CongressCommand = HoldCongress | VoteResolution;
