import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { RoleSchema } from '@taizhang/auth';

import { AccountSchema } from '../../shared/account.schema';

const UsernameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    'must be 3 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit',
  )
  .describe('the sign-in name, e.g. wang.xiuying');

const PasswordSchema = z
  .string()
  .min(12, 'must be at least 12 characters long')
  .max(200, 'must be at most 200 characters long')
  .describe('at least 12 characters');

const OrgUnitIdSchema = z.string().min(1).max(200).describe('the org unit the account belongs to');

export const CreateUserSchema = z
  .object({
    username: UsernameSchema,
    password: PasswordSchema,
    role: RoleSchema,
    orgUnitId: OrgUnitIdSchema.optional().describe(
      'the org unit the account belongs to (optional for an admin)',
    ),
  })
  .strict();

export class CreateUserDto extends createZodDto(CreateUserSchema) {}

export const UpdateUserSchema = z
  .object({
    role: RoleSchema.optional(),
    orgUnitId: OrgUnitIdSchema.nullable().optional(),
    disabled: z.boolean().optional(),
    password: PasswordSchema.optional(),
  })
  .strict()
  .refine(
    (patch) => Object.keys(patch).length > 0,
    'must change at least one of role, orgUnitId, disabled, password',
  );

export class UpdateUserDto extends createZodDto(UpdateUserSchema) {}

const UserSchema = AccountSchema.extend({
  id: z.uuid(),
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});

export class UserDto extends createZodDto(UserSchema) {}

export class UserListDto extends createZodDto(z.object({ users: z.array(UserSchema) })) {}

export class UserChangesDto extends createZodDto(
  z.object({
    changes: z.array(
      z.object({
        changedAt: z.iso.datetime(),
        changedBy: z.string().describe('the id of the admin who changed it, or system'),
        change: z.enum([
          'created',
          'role_changed',
          'org_unit_changed',
          'disabled',
          'enabled',
          'password_changed',
        ]),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
) {}
