import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import {
  aggregateStream,
  handleCommand,
  NotFoundError,
  PostgresEventStore,
} from '@taizhang/event-store';

import { loadParentRef } from '../org-units/org-unit-streams';
import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { CloseEmployerDto } from './dto/close-employer.dto';
import { RegisterEmployerDto } from './dto/register-employer.dto';
import { UpdateHeadcountsDto } from './dto/update-headcounts.dto';
import type { EmployerCommand } from './employer.commands';
import { employerDecider } from './employer.decider';
import { employerOrgUnit, employerStreamId, registeredOrgUnit } from './employer-streams';

@ApiTags('employers 单位台账')
@Controller('employers')
export class EmployersController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 单位台账登记: the employer's id is its credit code; a code already registered is a 422. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async register(
    @Body() body: RegisterEmployerDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { streetId, registeredOn, ...rest } = body;
    const street = await loadParentRef(this.store, streetId);
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
  @Post(':id/headcounts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  updateHeadcounts(
    @Param('id') id: string,
    @Body() body: UpdateHeadcountsDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return this.change(
      id,
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
  @Post(':id/close')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  close(
    @Param('id') id: string,
    @Body() body: CloseEmployerDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return this.change(
      id,
      {
        type: 'CloseEmployer',
        data: { employerId: id, ...body },
        metadata: request.metadata(startOfBusinessDate(body.closedOn)),
      },
      request,
      response,
    );
  }

  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    const { state, version } = await aggregateStream(
      this.store,
      employerStreamId(id),
      employerDecider,
    );
    if (state.status === 'None')
      throw new NotFoundError(`Employer ${id} does not exist. / 单位不存在。`);
    response.setHeader('ETag', `"${version}"`);

    return { ...state, version };
  }

  private async change(
    id: string,
    command: EmployerCommand,
    request: CommandRequestContext,
    response: Response,
  ): Promise<CommandResponseDto> {
    const result = await handleCommand(this.store, {
      streamId: employerStreamId(id),
      streamType: 'employer',
      decider: employerDecider,
      command,
      expectedVersion: request.expectedVersion,
      orgUnit: employerOrgUnit,
      id,
    });

    return commandResponse(result, response);
  }
}
