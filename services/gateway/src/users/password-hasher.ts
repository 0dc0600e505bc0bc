import { Injectable } from '@nestjs/common';

import { hash, verify } from '@node-rs/argon2';

/** Argon2id password hashes (the library's defaults: 19 MiB, 2 passes, as OWASP recommends). */
@Injectable()
export class PasswordHasher {
  // Verified against when the username is unknown, so that both answers take as long.
  private readonly decoy = hash('a password nobody has: the username is unknown');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** Whether `password` matches `passwordHash`; with no hash, spends the same time and says no. */
  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (passwordHash === undefined) {
      await verify(await this.decoy, password).catch(() => false);

      return false;
    }

    return verify(passwordHash, password).catch(() => false);
  }
}
