import { z } from 'zod';

export const ActorRoleSchema = z.enum([
  'union_cadre',
  'federation_officer',
  'auditor',
  'admin',
  'system',
]);
export type ActorRole = z.infer<typeof ActorRoleSchema>;

export const ActorSchema = z.object({ id: z.string().min(1), role: ActorRoleSchema });
export type Actor = z.infer<typeof ActorSchema>;

/**
 * The envelope every stored event travels in, in the store and on Kafka (DESIGN §4).
 * `data` is validated separately against the schema of `type` at `schemaVersion`.
 */
export const EventEnvelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  service: z.string().min(1),
  streamId: z.string().min(1),
  streamType: z.string().min(1),
  streamVersion: z.number().int().positive(),
  /** Position in the owning service's store, as a decimal string (bigint). */
  position: z.string().regex(/^\d+$/),
  occurredAt: z.iso.datetime({ offset: true }),
  recordedAt: z.iso.datetime({ offset: true }),
  orgUnitId: z.string().min(1),
  orgPath: z.string().min(1),
  actor: ActorSchema,
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  commandId: z.string().min(1).nullable(),
  data: z.unknown(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'data'> & {
  data: TData;
};
