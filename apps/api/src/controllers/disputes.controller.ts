import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisputeService } from '@dramaguard/disputes';
import { Caller } from '@dramaguard/rights';
import { Public, Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { AppealDecisionDto, DisputeDto, DisputePageDto, DisputeQueryDto, ReasonDto, TokenAppealDto, TokenDisputeDto } from '../dtos/dispute.dto';
import { ErrorDto } from '../dtos/error.dto';

const DEADLINE = 'The rights holder must answer within DISPUTE_ANSWER_DAYS (answerDueAt), or the case is released.';

@ApiTags('disputes')
@Controller()
export class DisputesController {
  constructor(private readonly disputes: DisputeService) {}

  @Post('disputes')
  @Public()
  @ApiOperation({ summary: 'Dispute a confirmed case with the takedown notice’s dispute token (no account needed)', description: `${DEADLINE} A case is disputed once.` })
  @ApiCreatedResponse({ type: DisputeDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'invalid_dispute_token' })
  @ApiConflictResponse({ type: ErrorDto, description: 'case_not_confirmed, dispute_exists' })
  async disputeWithToken(@Body() dto: TokenDisputeDto): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.dispute(dto.caseId, { token: dto.token }, dto.reason));
  }

  @Post('disputes/:id/appeal')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Appeal an upheld dispute to an admin, once, with the notice’s dispute token' })
  @ApiOkResponse({ type: DisputeDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'invalid_dispute_token' })
  @ApiConflictResponse({ type: ErrorDto, description: 'dispute_not_upheld: not upheld, or appealed already' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async appealWithToken(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TokenAppealDto): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.appeal(id, { token: dto.token }, dto.reason));
  }

  @Post('cases/:id/dispute')
  @Roles('licensee')
  @ApiOperation({ summary: 'Dispute a confirmed case on a clip from one of your uploader accounts', description: `${DEADLINE} A case is disputed once.` })
  @ApiCreatedResponse({ type: DisputeDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'case_not_confirmed, dispute_exists' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such case on a clip from your uploader accounts' })
  async disputeAsLicensee(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.dispute(id, { licensee: caller }, dto.reason));
  }

  @Post('cases/:id/appeal')
  @Roles('licensee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Appeal the upheld dispute of a case on a clip from one of your uploader accounts, once' })
  @ApiOkResponse({ type: DisputeDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'dispute_not_upheld' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async appealAsLicensee(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.appealCase(id, caller, dto.reason));
  }

  @Get('disputes')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'Disputes with their answer deadlines, soonest first', description: 'Filter by status (open: awaiting the holder’s answer). A rights holder sees disputes on its own works only.' })
  @ApiOkResponse({ type: DisputePageDto })
  async list(@CurrentCaller() caller: Caller, @Query() q: DisputeQueryDto): Promise<DisputePageDto> {
    return DisputePageDto.from(await this.disputes.list(caller, { status: q.status }, q));
  }

  @Get('disputes/:id')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'A dispute: reason, deadline, answer, appeal' })
  @ApiOkResponse({ type: DisputeDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.get(caller, id));
  }

  @Post('disputes/:id/uphold')
  @Roles('admin', 'rights_holder')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer an open dispute on your work by upholding the case, with a reason', description: 'The uploader may then appeal once, to an admin.' })
  @ApiOkResponse({ type: DisputeDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'dispute_not_open' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async uphold(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.uphold(caller, id, dto.reason));
  }

  @Post('disputes/:id/release')
  @Roles('admin', 'rights_holder')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer an open dispute on your work by releasing the case' })
  @ApiOkResponse({ type: DisputeDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'dispute_not_open' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async release(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.release(caller, id, dto.reason));
  }

  @Post('disputes/:id/appeal-decision')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide an appealed dispute: uphold (the case stays confirmed for good) or release the case' })
  @ApiOkResponse({ type: DisputeDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'dispute_not_appealed' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async decideAppeal(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AppealDecisionDto): Promise<DisputeDto> {
    return DisputeDto.from(await this.disputes.decideAppeal(caller, id, dto.decision, dto.reason));
  }
}
