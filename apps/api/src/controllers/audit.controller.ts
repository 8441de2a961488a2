import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@dramaguard/registry';
import { Roles } from '../auth/access.decorator';
import { AuditPageDto, AuditQueryDto } from '../dtos/audit-entry.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'The audit log, oldest first',
    description: 'Every state change: who, when, what, before and after. Append-only: no endpoint (and no database client) can change or delete an entry.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return AuditPageDto.from(await this.audit.list({ subjectType: q.subjectType, subjectId: q.subjectId, actorId: q.actorId }, q));
  }
}
