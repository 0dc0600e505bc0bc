import type { Logger } from '@nestjs/common';

import type { ConsumerLogger } from '../consumer/consumer-logger';

/** Nest's logger (pino underneath) in the shape the consumer and the relay log through. */
export const nestConsumerLogger = (logger: Logger): ConsumerLogger => ({
  info: (fields, msg) => logger.log({ ...fields, msg }),
  warn: (fields, msg) => logger.warn({ ...fields, msg }),
  error: (fields, msg) => logger.error({ ...fields, msg }),
});
