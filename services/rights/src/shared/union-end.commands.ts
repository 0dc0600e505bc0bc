import type { Command, OrgUnitRef } from '@taizhang/event-store';

/**
 * How a union ended, as organisation's topic tells it (UnionMerged, UnionDissolved), with the
 * unit that takes over what it left open: the surviving union, or the federation above it.
 */
export type UnionEnd =
  | { kind: 'merged'; unionId: string; on: string; into: OrgUnitRef }
  | { kind: 'dissolved'; unionId: string; on: string; union: OrgUnitRef; federationId: string };

/** What a record's decider is told when its union ends; its feature's rule decides the events. */
export type ActOnUnionEnd = Command<'ActOnUnionEnd', { end: UnionEnd }>;
