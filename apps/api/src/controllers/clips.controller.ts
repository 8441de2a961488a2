import { Controller, Get, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClipService } from '@dramaguard/registry';
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
    description: 'Queues the clip for matching against every registered episode; poll GET /clips/{id} until status is done.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ClipDto })
  @ApiUploadErrors()
  async submit(@UploadedFile() file: ReceivedFile | undefined): Promise<ClipDto> {
    return ClipDto.from({ clip: await this.clips.submit(incomingUpload(file)), matches: [] });
  }

  @Get(':id')
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'A clip: status, progress and, once done, the registered episodes it copies with matched time ranges' })
  @ApiOkResponse({ type: ClipDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ClipDto> {
    return ClipDto.from(await this.clips.get(id));
  }
}
