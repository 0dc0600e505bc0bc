import type { AuthenticatedUser } from '../authenticated-user';
import type { PublicKeySource } from '../keys/public-key-source';

/** How {@link AuthModule} verifies tokens. */
export interface AuthModuleOptions {
  /** Where the public key comes from; by default `publicKeyFromEnv(env)`. */
  publicKey?: PublicKeySource;
  /** The environment `publicKeyFromEnv` reads when `publicKey` is not given (tests pass their own). */
  env?: Record<string, string | undefined>;
  /**
   * Whether a verified token's session was ended (logout, account changed). The gateway checks
   * its session store here; a service without one relies on the tokens' short lifetime.
   */
  isRevoked?: (user: AuthenticatedUser) => Promise<boolean>;
  /** Time is injected (STYLE 2.8); `new Date()` by default. */
  clock?: () => Date;
  /** Clock skew tolerated between the gateway and a service; 5 s by default. */
  clockToleranceSeconds?: number;
}

/** The DI token of the resolved options. */
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** The options with every default applied. */
export interface ResolvedAuthOptions {
  publicKey: PublicKeySource;
  isRevoked: ((user: AuthenticatedUser) => Promise<boolean>) | undefined;
  clock: () => Date;
  clockToleranceSeconds: number;
}
