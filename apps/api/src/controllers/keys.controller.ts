import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CertificateService } from '@dramaguard/evidence';
import { Public } from '../auth/access.decorator';

@ApiTags('keys')
@Controller('keys')
export class KeysController {
  constructor(private readonly certificates: CertificateService) {}

  @Get('signing')
  @Public()
  @Header('content-type', 'application/x-pem-file')
  @ApiOperation({ summary: 'The public Ed25519 key that signs registration certificates (PEM, SPKI)' })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ description: 'PEM public key' })
  signingKey(): string {
    return this.certificates.publicKeyPem;
  }
}
