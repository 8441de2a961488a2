import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, LicenceService } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ErrorDto } from '../dtos/error.dto';
import { CreateLicenceDto, LicenceDto, LicencePageDto, LicenceQueryDto } from '../dtos/licence.dto';

@ApiTags('licences')
@Controller('licences')
export class LicencesController {
  constructor(private readonly licences: LicenceService) {}

  @Post()
  @Roles('rights_holder')
  @ApiOperation({
    summary: 'Grant a licence on one of your works (or a range of its episodes) to a licensee',
    description: 'Territories, platforms, inclusive dates, exclusive or not. An exclusive licence may not overlap any other licence of the work, and no licence may overlap an exclusive one: such a grant is refused with 409 naming the licence in the way and the overlap.',
  })
  @ApiCreatedResponse({ type: LicenceDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'licence_overlap: the grant overlaps an exclusive licence or is exclusive over an existing licence' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such work among yours' })
  async grant(@CurrentCaller() caller: Caller, @Body() dto: CreateLicenceDto): Promise<LicenceDto> {
    return LicenceDto.from(await this.licences.grant(caller, dto));
  }

  @Get()
  @Roles('admin', 'rights_holder', 'licensee')
  @ApiOperation({ summary: 'Licences, newest first', description: 'A licensee sees the licences it holds; a rights holder those on its works; an admin all.' })
  @ApiOkResponse({ type: LicencePageDto })
  async list(@CurrentCaller() caller: Caller, @Query() q: LicenceQueryDto): Promise<LicencePageDto> {
    return LicencePageDto.from(await this.licences.list(caller, q));
  }

  @Get(':id')
  @Roles('admin', 'rights_holder', 'licensee')
  @ApiOperation({ summary: 'One licence', description: 'Visible to its licensee, the owner of the work and admins.' })
  @ApiOkResponse({ type: LicenceDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<LicenceDto> {
    return LicenceDto.from(await this.licences.get(caller, id));
  }
}
