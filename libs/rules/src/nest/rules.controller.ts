import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, mayName, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest, CommandRoute } from '@taizhang/bootstrap';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { NATIONAL_REGION, versionsOf } from '../rule-sets.state';
import { readRuleSets, recordAmendment } from '../rule-sets.store';
import { versionInForce } from '../rules-in-force';
import { AmendRuleSetDto, RulesQueryDto } from './amend-rule-set.dto';

// The region's calendar: a rule holds from a business date in China Standard Time.
const today = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** 法定时限: the regions' rule sets, each version with the date it holds from (DESIGN §9). */
@ApiTags('rules 规则')
@Controller('rules')
export class RulesController {
  constructor(private readonly store: PostgresEventStore) {}

  /** Every region the caller may name (the national defaults, its own and those above it). */
  @Roles('admin', 'union_cadre', 'federation_officer', 'auditor')
  @Get()
  async list(@Query() query: RulesQueryDto, @CurrentUser() user: AuthenticatedUser) {
    const on = query.on ?? today();
    const ruleSets = await readRuleSets(this.store);
    const regions = [NATIONAL_REGION, ...Object.keys(ruleSets.regions).sort()].filter(
      (region) => region === NATIONAL_REGION || mayName(user, region),
    );

    return {
      on,
      regions: regions.map((region) => {
        const versions = versionsOf(ruleSets, region);

        return { region, inForce: versionInForce(versions, on), versions };
      }),
    };
  }

  /** An amendment is itself an event (`RuleSetAmended`); decisions record the version they applied. */
  @Roles('admin')
  @Post('amendments')
  @CommandRoute(201)
  amend(
    @Body() body: AmendRuleSetDto,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return recordAmendment(this.store, {
      type: 'AmendRuleSet',
      data: body,
      metadata: request.metadata(),
    });
  }
}
