/** Why an access token was refused. */
export type TokenProblem = 'expired' | 'invalid';

/** The token is expired, or not one of ours (bad signature, wrong issuer, malformed claims). */
export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}
