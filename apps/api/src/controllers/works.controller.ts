import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegistrationService, WorkService } from '@dramaguard/catalogue';
import { Caller } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ApiUploadErrors } from '../dtos/api-upload-errors.decorator';
import { CreateWorkDto } from '../dtos/create-work.dto';
import { DuplicateFileErrorDto, ErrorDto } from '../dtos/error.dto';
import { RegistrationDto } from '../dtos/registration.dto';
import { UploadEpisodeDto } from '../dtos/upload-episode.dto';
import { PageQueryDto } from '../dtos/page-query.dto';
import { WorkDto, WorkPageDto } from '../dtos/work.dto';
import { incomingUpload, ReceivedFile } from '../upload/incoming-upload';
import { UploadCleanupInterceptor } from '../upload/upload-cleanup.interceptor';

@ApiTags('works')
@Controller('works')
export class WorksController {
  constructor(
    private readonly works: WorkService,
    private readonly registrations: RegistrationService,
  ) {}

  @Post()
  @Roles('admin', 'rights_holder')
  @ApiOperation({
    summary: 'Create a work (a series) for a rights holder',
    description: 'A rights holder creates works it owns; an admin names the owner with ownerId.',
  })
  @ApiCreatedResponse({ type: WorkDto })
  async create(@CurrentCaller() caller: Caller, @Body() dto: CreateWorkDto): Promise<WorkDto> {
    const work = await this.works.create(caller, {
      ownerId: dto.ownerId,
      rightsHolder: dto.rightsHolder,
      title: dto.title,
      originalTitle: dto.originalTitle ?? null,
      year: dto.year ?? null,
      language: dto.language ?? null,
      episodeCount: dto.episodeCount,
      metadata: dto.metadata ?? {},
    });
    return WorkDto.from({ ...work, episodes: [] });
  }

  @Get()
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'Works, newest first', description: 'A rights holder sees its own works only.' })
  @ApiOkResponse({ type: WorkPageDto })
  async list(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<WorkPageDto> {
    return WorkPageDto.from(await this.works.list(caller, q));
  }

  @Get(':id')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'A work with its episodes and their registrations', description: 'A rights holder sees its own works only (another holder’s work answers 404).' })
  @ApiOkResponse({ type: WorkDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<WorkDto> {
    return WorkDto.from(await this.works.get(caller, id));
  }

  @Post(':id/episodes')
  @Roles('admin', 'rights_holder')
  @UseInterceptors(UploadCleanupInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Register an episode',
    description:
      'Stores the file (content-addressed by SHA-256), checks it with ffprobe and files a registration, ' +
      'then queues fingerprinting: watch GET /registrations/{id} go from queued to fingerprinting to registered (or failed, with a reason). ' +
      'Only the owner of the work (or an admin) registers its episodes.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'episodeNumber', 'title'],
      properties: { file: { type: 'string', format: 'binary' }, episodeNumber: { type: 'integer', minimum: 1 }, title: { type: 'string' } },
    },
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiConflictResponse({ type: DuplicateFileErrorDto, description: 'The file is already registered (its registration id is returned), or the episode number is taken' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such work' })
  @ApiUploadErrors()
  async registerEpisode(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UploadEpisodeDto,
    @UploadedFile() file: ReceivedFile | undefined,
  ): Promise<RegistrationDto> {
    return RegistrationDto.from(await this.registrations.register(caller, id, { number: dto.episodeNumber, title: dto.title }, incomingUpload(file)));
  }
}
