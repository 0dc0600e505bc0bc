import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import type { CommandResult } from '@taizhang/event-store';

export const CommandResponseSchema = z.object({
  id: z.string().describe('the id of the created or changed record'),
  streamId: z.string(),
  streamVersion: z.number().int().describe('send it back as If-Match to guard the next change'),
  eventIds: z.array(z.uuid()),
});

/** The body of every command's answer. */
export class CommandResponseDto extends createZodDto(CommandResponseSchema) {}

/** What the caller hears of a command's result (never the events themselves, nor `replayed`). */
export const commandResponseOf = (result: CommandResult): CommandResponseDto => ({
  id: result.id ?? result.streamId,
  streamId: result.streamId,
  streamVersion: result.streamVersion,
  eventIds: result.eventIds,
});

/** An ETag is the version a caller sends back as If-Match. */
export const versionTag = (version: number): string => `"${version}"`;
