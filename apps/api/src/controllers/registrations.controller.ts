import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RegistrationService } from '@dramaguard/catalogue';
import { CertificateService } from '@dramaguard/evidence';
import { Caller } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ErrorDto } from '../dtos/error.dto';
import { RegistrationDto } from '../dtos/registration.dto';

@ApiTags('registrations')
@Controller('registrations')
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly certificates: CertificateService,
  ) {}

  @Get(':id')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'A registration: number, file facts, status and fingerprinting progress', description: 'A rights holder sees registrations of its own works only.' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<RegistrationDto> {
    return RegistrationDto.from(await this.registrations.get(caller, id));
  }

  @Get(':id/certificate')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({
    summary: 'The registration certificate, as the exact canonical JSON bytes that are signed',
    description:
      'Registration number, holder, work, episode, file SHA-256, fingerprint digest and times; keys sorted, no whitespace. ' +
      'Save the body as is (curl -o cert.json) to verify the signature from /certificate.sig with the key from /keys/signing.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'Canonical JSON certificate' })
  @ApiConflictResponse({ type: ErrorDto, description: 'registration_not_registered: only registered episodes have certificates' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async certificate(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile((await this.certificates.issue(caller, id)).json, { type: 'application/json' });
  }

  @Get(':id/certificate.sig')
  @Roles('admin', 'reviewer', 'rights_holder')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The Ed25519 signature of the certificate bytes, base64 (decode it to the 64 raw bytes openssl reads)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'base64 signature' })
  @ApiConflictResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async signature(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return (await this.certificates.issue(caller, id)).signatureBase64;
  }

  @Get(':id/certificate.html')
  @Roles('admin', 'reviewer', 'rights_holder')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The registration certificate as a printable page, with the signed bytes and the signature' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page' })
  @ApiConflictResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async certificateHtml(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.certificates.html(caller, id);
  }
}
