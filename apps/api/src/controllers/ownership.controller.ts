import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OwnershipService } from '@dramaguard/catalogue';
import { Caller } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ApiUploadErrors } from '../dtos/api-upload-errors.decorator';
import { ErrorDto } from '../dtos/error.dto';
import { OwnedWorkPageDto, OwnerRecordDto, OwnershipClipDto, OwnershipQueryDto, TitleQueryDto } from '../dtos/ownership.dto';
import { incomingUpload, ReceivedFile } from '../upload/incoming-upload';
import { UploadCleanupInterceptor } from '../upload/upload-cleanup.interceptor';

@ApiTags('ownership')
@Controller('ownership')
export class OwnershipController {
  constructor(private readonly ownership: OwnershipService) {}

  @Get('registrations/:number')
  @Roles('admin', 'reviewer', 'rights_holder', 'licensee')
  @ApiOperation({ summary: 'Who owns a registration number: episode, work, rights holder, registration time', description: 'Registered episodes only.' })
  @ApiOkResponse({ type: OwnerRecordDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async byNumber(@Param('number') number: string): Promise<OwnerRecordDto> {
    return OwnerRecordDto.from(await this.ownership.byNumber(number));
  }

  @Get('works')
  @Roles('admin', 'reviewer', 'rights_holder', 'licensee')
  @ApiOperation({ summary: 'Search works by title: owner and registered episodes' })
  @ApiOkResponse({ type: OwnedWorkPageDto })
  async searchTitle(@Query() q: TitleQueryDto): Promise<OwnedWorkPageDto> {
    return OwnedWorkPageDto.from(await this.ownership.searchTitle(q.title, q));
  }

  @Post('clips')
  @Roles('licensee')
  @UseInterceptors(UploadCleanupInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Ask who owns the footage in a clip, and whether your licences cover using it',
    description: 'Give the platform (and territory and day, when known) of the use you intend. Poll GET /ownership/clips/{id}. Opens no review case.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'platform'],
      properties: { file: { type: 'string', format: 'binary' }, platform: { type: 'string' }, territory: { type: 'string' }, usedOn: { type: 'string', format: 'date' } },
    },
  })
  @ApiCreatedResponse({ type: OwnershipQueryDto })
  @ApiUploadErrors()
  async submitClip(@CurrentCaller() caller: Caller, @Body() use: OwnershipClipDto, @UploadedFile() file: ReceivedFile | undefined): Promise<OwnershipQueryDto> {
    return OwnershipQueryDto.from(await this.ownership.submitClip(caller, incomingUpload(file), use));
  }

  @Get('clips/:id')
  @Roles('licensee')
  @ApiOperation({
    summary: 'The answer to an ownership query: "episode N of work W, owned by H, registered at T; your licence covers this use: yes/no (which licence)"',
    description: 'Only the licensee who asked can read it.',
  })
  @ApiOkResponse({ type: OwnershipQueryDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async clipAnswer(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<OwnershipQueryDto> {
    return OwnershipQueryDto.from(await this.ownership.clipAnswer(caller, id));
  }
}
