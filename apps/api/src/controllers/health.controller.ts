import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult } from '@nestjs/terminus';
import { READINESS, Readiness } from '@dramaguard/observability';
import type { Response } from 'express';
import { Public } from '../auth/access.decorator';

const STATUS = { schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } } };

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS) private readonly readiness: Readiness) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness (as /health/live)' })
  @ApiOkResponse(STATUS)
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the api process is up and serving; for a restart probe' })
  @ApiOkResponse(STATUS)
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer and every migration is applied; 503 with the failing checks otherwise' })
  @ApiOkResponse({ description: 'Ready: every check is up' })
  @ApiServiceUnavailableResponse({ description: 'Not ready: `error` names the checks that are down' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    const result = await this.readiness.check();
    if (result.status !== 'ok') res.status(503);
    return result;
  }
}
