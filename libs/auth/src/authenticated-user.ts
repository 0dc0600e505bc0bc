import type { Role } from './roles';

/** The caller of a request, as its verified access token says. */
export interface AuthenticatedUser {
  /** The user's id (the token's `sub`). */
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  /** The org unit the user belongs to; `null` only for an admin without one. */
  readonly orgUnitId: string | null;
  /** That unit's path (`<city>/<district>/…`); `null` only for an admin without a unit. */
  readonly orgPath: string | null;
  /** The sign-in session the token belongs to; logging out ends it. */
  readonly sessionId: string;
  /** The token's own id (`jti`). */
  readonly tokenId: string;
  /** When the token stops being valid. */
  readonly expiresAt: Date;
}

/** Who asks, as far as scope is concerned: a role and the path of the user's unit. */
export type Caller = Pick<AuthenticatedUser, 'role' | 'orgPath'>;
