import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import type { CommandResult } from '@taizhang/event-store';

export const CommandResponseSchema = z.object({
  id: z.string().describe('the id of the created or changed record'),
  streamId: z.string(),
  streamVersion: z.number().int().describe('send it back as If-Match to guard the next change'),
  eventIds: z.array(z.uuid()),
});

export class CommandResponseDto extends createZodDto(CommandResponseSchema) {}

/** The answer to a command; a repeated Idempotency-Key gets the first answer, marked as such. */
export const commandResponse = (
  result: CommandResult,
  response: Response,
): z.infer<typeof CommandResponseSchema> => {
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  response.setHeader('ETag', `"${result.streamVersion}"`);

  return {
    id: result.id ?? result.streamId,
    streamId: result.streamId,
    streamVersion: result.streamVersion,
    eventIds: result.eventIds,
  };
};
