import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClipService } from '@dramaguard/catalogue';
import { Caller } from '@dramaguard/rights';
import { CurrentCaller } from '../auth/caller.decorator';
import { ClipUseDto } from '../dtos/clip-use.dto';
import { Roles } from '../auth/access.decorator';
import { ApiUploadErrors } from '../dtos/api-upload-errors.decorator';
import { ClipDto } from '../dtos/clip.dto';
import { ErrorDto } from '../dtos/error.dto';
import { incomingUpload, ReceivedFile } from '../upload/incoming-upload';
import { UploadCleanupInterceptor } from '../upload/upload-cleanup.interceptor';

@ApiTags('clips')
@Controller('clips')
export class ClipsController {
  constructor(private readonly clips: ClipService) {}

  @Post()
  @Roles('admin', 'reviewer')
  @UseInterceptors(UploadCleanupInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Submit a suspect clip for matching',
    description:
      'Queues the clip for matching against every registered episode; poll GET /clips/{id} until status is done. ' +
      'Give the platform and uploader account it came from (and the territory and day of the use, when known): ' +
      'a match that a licence of that uploader covers gets the verdict licensed and opens no case; every other match opens a review case.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        platform: { type: 'string', example: 'douyin' },
        uploaderAccount: { type: 'string', example: '@moonlight-dramas' },
        territory: { type: 'string', example: 'SG' },
        usedOn: { type: 'string', format: 'date' },
      },
    },
  })
  @ApiCreatedResponse({ type: ClipDto })
  @ApiUploadErrors()
  async submit(@CurrentCaller() caller: Caller, @Body() use: ClipUseDto, @UploadedFile() file: ReceivedFile | undefined): Promise<ClipDto> {
    return ClipDto.from({ clip: await this.clips.submit(caller, incomingUpload(file), use), matches: [], cases: [], shardsAnswered: [] });
  }

  @Get(':id')
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'A clip: status, progress and, once done, the registered episodes it copies with matched time ranges, verdicts and cases' })
  @ApiOkResponse({ type: ClipDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ClipDto> {
    return ClipDto.from(await this.clips.get(id));
  }
}
