import { z } from 'zod';

/** The roles a signed-in user can hold (DESIGN §1); each user has exactly one. */
export const ROLES = ['union_cadre', 'federation_officer', 'auditor', 'admin'] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** HTTP methods that only read: the only ones an auditor may call. */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
