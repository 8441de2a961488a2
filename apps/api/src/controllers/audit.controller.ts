import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { AuditChainDto, AuditPageDto, AuditQueryDto } from '../dtos/audit-entry.dto';

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

  @Get('verify')
  @Roles('admin')
  @ApiOperation({
    summary: 'Checks the audit log\'s hash chain',
    description:
      'Each entry stores SHA-256 over the previous entry\'s hash and its own fields in canonical JSON. valid is false, with the id of the first bad entry, ' +
      'if any entry was edited, removed or inserted afterwards; head is the latest hash, which a holder can keep to prove later that the log up to it is unchanged.',
  })
  @ApiOkResponse({ type: AuditChainDto })
  async chain(): Promise<AuditChainDto> {
    return AuditChainDto.from(await this.audit.checkChain());
  }
}
