import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { UnionTypeSchema } from './union-type.v1';

/** An existing grassroots union (基层工会) was registered on the platform (存量工会登记). */
export const UnionRegisteredV1 = defineEvent(
  'UnionRegistered',
  1,
  z.object({
    unionId: z.string().min(1),
    name: z.string().min(1),
    parentId: z.string().min(1),
    establishedOn: z.iso.date(),
    orgPath: z.string().min(1),
    /** Credit codes of the employers it covers (建会率), when the registration names them. */
    employerIds: z.array(z.string().min(1)).optional(),
    /** 工会类型; absent when the registration did not say (not recorded, never a guess). */
    unionType: UnionTypeSchema.optional(),
  }),
);
