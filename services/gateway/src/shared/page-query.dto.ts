import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A page of a long list (users, org units): at most 500 rows from `offset`. */
const PageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export class PageQueryDto extends createZodDto(PageQuerySchema) {}
