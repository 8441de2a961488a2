import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseService, Caller } from '@dramaguard/registry';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { CaseDto, CaseNoteInputDto, CasePageDto, CaseQueryDto, DecideCaseDto, DismissCaseDto } from '../dtos/case.dto';
import { ErrorDto } from '../dtos/error.dto';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CaseService) {}

  @Get()
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({
    summary: 'Review cases, oldest first',
    description: 'Filter by status, work and rights holder; paginated. A rights holder sees the cases on its own works only.',
  })
  @ApiOkResponse({ type: CasePageDto })
  async list(@CurrentCaller() caller: Caller, @Query() q: CaseQueryDto): Promise<CasePageDto> {
    return CasePageDto.from(await this.cases.list(caller, { status: q.status, workId: q.workId, ownerId: q.rightsHolderId }, q));
  }

  @Get(':id')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'A case: clip, matched episode, segments, score, notes and its history', description: 'A rights holder sees cases on its own works only.' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<CaseDto> {
    return CaseDto.detailed(await this.cases.get(caller, id));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'Claim an open case: it becomes yours to decide' })
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'case_not_open: the case is already claimed or decided' })
  async claim(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<CaseDto> {
    return CaseDto.detailed(await this.cases.claim(caller, id));
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'Confirm a claimed case as infringement', description: 'Only the reviewer who claimed it (or an admin).' })
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'case_not_claimed' })
  async confirm(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideCaseDto): Promise<CaseDto> {
    return CaseDto.detailed(await this.cases.confirm(caller, id, dto.reason ?? null));
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'Dismiss a claimed case, with a reason', description: 'Only the reviewer who claimed it (or an admin).' })
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'case_not_claimed' })
  async dismiss(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DismissCaseDto): Promise<CaseDto> {
    return CaseDto.detailed(await this.cases.dismiss(caller, id, dto.reason));
  }

  @Post(':id/notes')
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'Add a note to a case' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async addNote(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseNoteInputDto): Promise<CaseDto> {
    return CaseDto.detailed(await this.cases.addNote(caller, id, dto.text));
  }
}
