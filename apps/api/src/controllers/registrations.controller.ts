import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegistrationService } from '@dramaguard/registry';
import { ErrorDto } from '../dtos/error.dto';
import { RegistrationDto } from '../dtos/registration.dto';

@ApiTags('registrations')
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A registration: number, file facts, status and fingerprinting progress' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<RegistrationDto> {
    return RegistrationDto.from(await this.registrations.get(id));
  }
}
