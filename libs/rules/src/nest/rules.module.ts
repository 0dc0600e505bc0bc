import { Module } from '@nestjs/common';

import { RulesController } from './rules.controller';

/**
 * `GET /rules` and `POST /rules/amendments` on the service's own event store (the global
 * `EventStoreModule`); the service's registry must know `RuleSetAmended`.
 */
@Module({ controllers: [RulesController] })
export class RulesModule {}
