import { z } from 'zod';

import { RoleSchema } from '@taizhang/auth';

/**
 * Who an account (账号) is and where it stands: all a signed-in user is told about themselves, and
 * the start of what an admin reads.
 */
export const AccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: RoleSchema,
  orgUnitId: z.string().nullable(),
  orgPath: z.string().nullable(),
});
