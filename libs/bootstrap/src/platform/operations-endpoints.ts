import type { PlatformConfig } from '../config/platform-config';

/**
 * Who may read `/docs` and `/metrics`: anyone who reaches the service (`public`, the default:
 * a service listens on 127.0.0.1 or a closed network), or, for a public origin such as the
 * gateway, no one in production (`hidden-in-production`: not served, 404), where they would
 * show strangers every route and the traffic figures.
 */
export type OperationsEndpoints = 'public' | 'hidden-in-production';

/** DI token of a boolean: whether this app serves `/docs` and `/metrics`. */
export const SERVES_OPERATIONS_ENDPOINTS = Symbol('SERVES_OPERATIONS_ENDPOINTS');

export const servesOperationsEndpoints = (
  rule: OperationsEndpoints,
  config: PlatformConfig,
): boolean => rule === 'public' || config.nodeEnv !== 'production';
