import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { handleCommand, PostgresEventStore } from '@taizhang/event-store';

import { loadParentInScope } from '../org-units/org-unit-scope';
import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { CloseEmployerDto } from './dto/close-employer.dto';
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
  @Roles('federation_officer')
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async register(
    @Body() body: RegisterEmployerDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { streetId, registeredOn, ...rest } = body;
    const street = await loadParentInScope(this.store, user, streetId);
    const result = await handleCommand(this.store, {
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

    return commandResponse(result, response);
  }

  /** Workforce figures as of a date (not earlier than the recorded ones). */
  @Roles('federation_officer')
  @Post(':id/headcounts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async updateHeadcounts(
    @Param('id') id: string,
    @Body() body: UpdateHeadcountsDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { state, version } = await loadEmployerInScope(this.store, user, id, {
      access: 'write',
    });

    return this.change(
      { id, path: state.orgPath, loadedVersion: version },
      {
        type: 'UpdateEmployerHeadcounts',
        data: { employerId: id, ...body },
        metadata: request.metadata(startOfBusinessDate(body.asOf)),
      },
      request,
      response,
    );
  }

  /** 注销: a closed employer counts no more, and nothing more is recorded for it. */
  @Roles('federation_officer')
  @Post(':id/close')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async close(
    @Param('id') id: string,
    @Body() body: CloseEmployerDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { state, version } = await loadEmployerInScope(this.store, user, id, {
      access: 'write',
    });

    return this.change(
      { id, path: state.orgPath, loadedVersion: version },
      {
        type: 'CloseEmployer',
        data: { employerId: id, ...body },
        metadata: request.metadata(startOfBusinessDate(body.closedOn)),
      },
      request,
      response,
    );
  }

  @Roles('federation_officer', 'auditor')
  @Get(':id')
  async get(
    @Param('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await loadEmployerInScope(this.store, user, id);
    response.setHeader('ETag', `"${version}"`);

    return { ...state, version };
  }

  // The version the scope was checked at: a change in between is a 409, never a foreign write.
  // The events carry the path the employer has now (its street may have moved since registration).
  private async change(
    { id, path, loadedVersion }: { id: string; path: string; loadedVersion: number },
    command: EmployerCommand,
    request: CommandRequestContext,
    response: Response,
  ): Promise<CommandResponseDto> {
    const result = await handleCommand(this.store, {
      streamId: employerStreamId(id),
      streamType: 'employer',
      decider: employerDecider,
      command,
      expectedVersion: request.expectedVersion ?? loadedVersion,
      orgUnit: () => ({ id, path }),
      id,
    });

    return commandResponse(result, response);
  }
}
