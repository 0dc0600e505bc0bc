import { BaseRpcContext } from '@nestjs/microservices';

import type { PoolClient } from 'pg';

import type { MessageSource } from '../consumer/event-consumer.options';

/** What an `@EventPattern` handler gets with `@Ctx()`: the transaction and the message's origin. */
export class EventContext extends BaseRpcContext<[PoolClient, MessageSource]> {
  /** The client inside the transaction that also records the event as processed. */
  getTransaction(): PoolClient {
    return this.args[0];
  }

  getSource(): MessageSource {
    return this.args[1];
  }
}
