import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CaseReport, CaseReportService } from '@dramaguard/evidence';
import { Caller, CaseService } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { CaseDto, CaseNoteInputDto, CasePageDto, CaseQueryDto, CaseReportDto, DecideCaseDto, DismissCaseDto } from '../dtos/case.dto';
import { ErrorDto } from '../dtos/error.dto';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly reports: CaseReportService,
  ) {}

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

  @Get(':id/report')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({
    summary: 'The case report a takedown notice can attach (JSON)',
    description: 'Work, holder, registration number, certificate digest, clip SHA-256, segments with scores, and an aligned-frames image per segment (URL and SHA-256).',
  })
  @ApiOkResponse({ type: CaseReportDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  report(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<CaseReport> {
    return this.reports.report(caller, id);
  }

  @Get(':id/report.html')
  @Roles('admin', 'reviewer', 'rights_holder')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The case report as one self-contained page, images inlined' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page' })
  @ApiNotFoundResponse({ type: ErrorDto })
  reportHtml(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.reports.html(caller, id);
  }

  @Get(':id/report.pdf')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({
    summary: 'The case report as a PDF document (A4) for platforms and courts',
    description: 'The facts of the JSON report, the certificate digest, a table of the matched segments and every evidence image with its SHA-256; CJK titles are rendered.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF document' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async reportPdf(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.reports.pdf(caller, id), { type: 'application/pdf', disposition: `inline; filename="case-${id}.pdf"` });
  }

  @Get(':id/evidence/:segmentId.png')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'Side-by-side image of one matched segment: 3–5 aligned frame pairs of clip and episode, with timecodes' })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'PNG image' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async evidence(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('segmentId', ParseUUIDPipe) segmentId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.reports.image(caller, id, segmentId), { type: 'image/png' });
  }
}
