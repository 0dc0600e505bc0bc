export { addressOf } from './address-rate-limit.middleware';
export { RateLimiter } from './rate-limiter';
