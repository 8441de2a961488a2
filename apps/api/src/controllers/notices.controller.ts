import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TakedownNoticeService } from '@dramaguard/evidence';
import { Caller } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ErrorDto } from '../dtos/error.dto';

@ApiTags('cases')
@Controller('cases/:id')
export class NoticesController {
  constructor(private readonly notices: TakedownNoticeService) {}

  @Get('notice')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({
    summary: 'The takedown notice of a confirmed case, as the exact canonical JSON bytes that are signed',
    description:
      'Addressed to the platform the clip was found on: the case and the policy in force, the evidence (segments, image digests), the registration certificate ' +
      'with its signature, the report URLs (JSON, HTML, PDF) and the dispute token the uploader contests it with. Save the body as is (curl -o notice.json) ' +
      'to verify the signature from /notice.sig with the key from /keys/signing.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'Canonical JSON notice' })
  @ApiConflictResponse({ type: ErrorDto, description: 'case_not_confirmed: only a confirmed case has a notice' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async notice(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile((await this.notices.issue(caller, id)).json, { type: 'application/json' });
  }

  @Get('notice.sig')
  @Roles('admin', 'reviewer', 'rights_holder')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The Ed25519 signature of the notice bytes, base64 (decode it to the 64 raw bytes openssl reads)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'base64 signature' })
  @ApiConflictResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async signature(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return (await this.notices.issue(caller, id)).signatureBase64;
  }
}
