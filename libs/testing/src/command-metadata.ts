import type { CommandMetadata } from '@taizhang/event-store';

type ActorRole = CommandMetadata['actorRole'];

/** The actor a spec's command comes from unless it names one: one per role. */
const ACTOR_OF_ROLE: Record<ActorRole, string> = {
  admin: 'admin-1',
  federation_officer: 'officer-1',
  union_cadre: 'cadre-1',
  auditor: 'auditor-1',
  system: 'system',
};

/** What a spec says of a command's metadata: times as ISO strings or dates, the rest as is. */
export type CommandMetadataOf = Partial<Omit<CommandMetadata, 'now' | 'occurredAt'>> & {
  now?: string | Date;
  occurredAt?: string | Date;
};

const dateOf = (time: string | Date): Date => (typeof time === 'string' ? new Date(time) : time);

/**
 * A command's metadata for a decider spec, with only what the spec is about said:
 * `commandMetadata({ now: '2026-03-10T02:00:00Z', actorRole: 'admin' })` is the admin `admin-1`
 * in correlation `c-1`. A federation officer (`officer-1`) by default.
 */
export const commandMetadata = ({
  now = '2026-03-01T07:00:00Z',
  occurredAt,
  actorRole = 'federation_officer',
  actorId = ACTOR_OF_ROLE[actorRole],
  correlationId = 'c-1',
  ...rest
}: CommandMetadataOf = {}): CommandMetadata => ({
  now: dateOf(now),
  actorId,
  actorRole,
  correlationId,
  ...rest,
  ...(occurredAt !== undefined ? { occurredAt: dateOf(occurredAt) } : {}),
});
