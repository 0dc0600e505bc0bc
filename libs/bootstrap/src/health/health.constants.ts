/** How long one dependency may take to answer a readiness check. */
export const CHECK_TIMEOUT_MS = 1500;
