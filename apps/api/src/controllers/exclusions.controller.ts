import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ExclusionService } from '@dramaguard/catalogue';
import { Caller } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ErrorDto } from '../dtos/error.dto';
import { CreateExclusionDto, ExclusionDto } from '../dtos/exclusion.dto';

@ApiTags('registrations')
@Controller('registrations/:id/exclusions')
export class ExclusionsController {
  constructor(private readonly exclusions: ExclusionService) {}

  @Post()
  @Roles('admin', 'rights_holder')
  @ApiOperation({
    summary: 'Exclude a time range of your episode: content that is not yours (licensed stock footage, a platform sting)',
    description:
      'An excluded range is never matched: clips showing only it open no case, and registrations sharing it raise no conflict. ' +
      'The workers re-index the episode within seconds; an episode still being fingerprinted gets the exclusion when it is indexed. ' +
      'A rights holder excludes ranges of its own episodes only (another holder’s registration answers 404).',
  })
  @ApiCreatedResponse({ type: ExclusionDto })
  @ApiUnprocessableEntityResponse({ type: ErrorDto, description: 'invalid_exclusion: start below 0, end not after start or past the episode’s end, blank reason, or too many exclusions' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such registration among yours' })
  async add(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateExclusionDto): Promise<ExclusionDto> {
    return ExclusionDto.from(await this.exclusions.add(caller, id, { startSeconds: dto.startSeconds, endSeconds: dto.endSeconds, reason: dto.reason }));
  }

  @Get()
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'The ranges excluded from an episode, in episode order', description: 'A rights holder sees the exclusions of its own episodes only.' })
  @ApiOkResponse({ type: [ExclusionDto] })
  @ApiNotFoundResponse({ type: ErrorDto })
  async list(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<ExclusionDto[]> {
    return (await this.exclusions.list(caller, id)).map((x) => ExclusionDto.from(x));
  }

  @Delete(':exclusionId')
  @Roles('admin', 'rights_holder')
  @ApiOperation({ summary: 'Remove an exclusion: its range is matched again once the workers re-index the episode', description: 'Answers with the exclusion removed.' })
  @ApiOkResponse({ type: ExclusionDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such registration among yours, or no such exclusion of it' })
  async remove(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Param('exclusionId', ParseUUIDPipe) exclusionId: string): Promise<ExclusionDto> {
    return ExclusionDto.from(await this.exclusions.remove(caller, id, exclusionId));
  }
}
