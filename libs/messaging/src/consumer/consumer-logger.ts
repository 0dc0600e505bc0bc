/**
 * The logging the messaging library needs: structured fields first, then a message, the shape of
 * pino and of nestjs-pino's `PinoLogger`, so a service passes its own logger unchanged.
 */
export interface ConsumerLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** A logger that drops everything, for tests and benchmarks that assert on outcomes instead. */
export const silentLogger: ConsumerLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
