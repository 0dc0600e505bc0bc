import type { z } from 'zod';

/** An event type at one schema version, declared together with its payload schema (castore). */
export interface EventDefinition<
  TType extends string = string,
  TSchema extends z.ZodType = z.ZodType,
> {
  readonly type: TType;
  readonly schemaVersion: number;
  readonly schema: TSchema;
}

export const defineEvent = <TType extends string, TSchema extends z.ZodType>(
  type: TType,
  schemaVersion: number,
  schema: TSchema,
): EventDefinition<TType, TSchema> => ({ type, schemaVersion, schema });

/** The plain `{ type, data }` record a decider returns for a definition. */
export type EventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema>
    ? { type: TType; data: z.infer<TSchema> }
    : never;

/** Turns the payload of one version into the payload of the next; stored history is never rewritten. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}
