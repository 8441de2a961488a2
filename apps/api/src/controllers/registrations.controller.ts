import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RegistrationService } from '@dramaguard/registry';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ErrorDto } from '../dtos/error.dto';
import { RegistrationDto } from '../dtos/registration.dto';

@ApiTags('registrations')
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationService) {}

  @Get(':id')
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'A registration: number, file facts, status and fingerprinting progress', description: 'A rights holder sees registrations of its own works only.' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<RegistrationDto> {
    return RegistrationDto.from(await this.registrations.get(caller, id));
  }
}
