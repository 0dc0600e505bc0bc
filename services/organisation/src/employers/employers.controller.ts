import { Body, Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import {
  commandOnLoaded,
  CommandPost,
  SignedInCommand,
  versioned,
  VersionedRead,
} from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { handleCommand, PostgresEventStore } from '@taizhang/event-store';

import { loadParentInScope } from '../org-units';
import { CloseEmployerDto } from './dto/close-employer.dto';
import { ChangeEmployerDetailsDto, CorrectHeadcountsDto } from './dto/employer-records.dto';
import { RegisterEmployerDto } from './dto/register-employer.dto';
import { UpdateHeadcountsDto } from './dto/update-headcounts.dto';
import type { EmployerCommand } from './employer.commands';
import { employerDecider } from './employer.decider';
import { loadEmployerInScope } from './employer-scope';
import { employerStreamId, registeredOrgUnit } from './employer-streams';

/** The registry is kept by the federations: a street's officer and the officers above it. */
@ApiTags('employers 单位台账')
@Controller('employers')
export class EmployersController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 单位台账登记: the employer's id is its credit code; a code already registered is a 422. */
  @CommandPost(201, ['federation_officer'])
  async register(
    @Body() body: RegisterEmployerDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { streetId, registeredOn, ...rest } = body;
    const street = await loadParentInScope(this.store, user, streetId);

    return handleCommand(this.store, {
      streamId: employerStreamId(body.creditCode),
      streamType: 'employer',
      decider: employerDecider,
      command: {
        type: 'RegisterEmployer',
        data: { ...rest, street, ...(registeredOn ? { registeredOn } : {}) },
        metadata: request.metadata(registeredOn ? startOfBusinessDate(registeredOn) : undefined),
      },
      expectedVersion: request.expectedVersion,
      orgUnit: registeredOrgUnit,
      id: body.creditCode,
      fingerprint: ['RegisterEmployer', body],
    });
  }

  /** Workforce figures as of a date (not earlier than the recorded ones). */
  @CommandPost(201, ['federation_officer'], ':id/headcounts')
  updateHeadcounts(
    @Param('id') id: string,
    @Body() body: UpdateHeadcountsDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.change(user, id, request, {
      type: 'UpdateEmployerHeadcounts',
      data: { employerId: id, ...body },
      metadata: request.metadata(startOfBusinessDate(body.asOf)),
    });
  }

  /** A correction of the figures recorded for a past date; the earlier figures stay in history. */
  @CommandPost(201, ['federation_officer'], ':id/headcounts/corrections')
  correctHeadcounts(
    @Param('id') id: string,
    @Body() body: CorrectHeadcountsDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.change(user, id, request, {
      type: 'CorrectEmployerHeadcounts',
      data: { employerId: id, ...body },
      metadata: request.metadata(startOfBusinessDate(body.asOf)),
    });
  }

  /** 地址、法定代表人、注册资本 changed from a date (only those given). */
  @CommandPost(200, ['federation_officer'], ':id/details')
  changeDetails(
    @Param('id') id: string,
    @Body() body: ChangeEmployerDetailsDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.change(user, id, request, {
      type: 'ChangeEmployerDetails',
      data: { employerId: id, ...body },
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    });
  }

  /** 注销: a closed employer counts no more, and nothing more is recorded for it. */
  @CommandPost(201, ['federation_officer'], ':id/close')
  close(
    @Param('id') id: string,
    @Body() body: CloseEmployerDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.change(user, id, request, {
      type: 'CloseEmployer',
      data: { employerId: id, ...body },
      metadata: request.metadata(startOfBusinessDate(body.closedOn)),
    });
  }

  @Roles('federation_officer', 'auditor')
  @Get(':id')
  @VersionedRead()
  async get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadEmployerInScope(this.store, user, id);

    return versioned(version, { ...state, version });
  }

  // The events carry the path the employer has now (its street may have moved since registration).
  private change(
    user: AuthenticatedUser,
    id: string,
    request: CommandRequestContext,
    command: EmployerCommand,
  ): Promise<CommandResult> {
    return commandOnLoaded(
      request,
      () => loadEmployerInScope(this.store, user, id, WRITE_ACCESS),
      ({ unit }, expectedVersion) =>
        handleCommand(this.store, {
          streamId: employerStreamId(id),
          streamType: 'employer',
          decider: employerDecider,
          command,
          expectedVersion,
          orgUnit: unit,
          id,
        }),
    );
  }
}
