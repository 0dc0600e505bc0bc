/** DI tokens of the gateway's shared infrastructure. */
export const REDIS = Symbol('REDIS');
export const PG_POOL = Symbol('PG_POOL');
export const CLOCK = Symbol('CLOCK');
export const SIGNING_KEYS = Symbol('SIGNING_KEYS');

/** Time is injected (STYLE 2.8). */
export type Clock = () => Date;
