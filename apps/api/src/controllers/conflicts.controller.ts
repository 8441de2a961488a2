import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictService } from '@dramaguard/catalogue';
import { Caller } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ConflictDto, ConflictPageDto, ConflictQueryDto, ResolveConflictDto } from '../dtos/conflict.dto';
import { ErrorDto } from '../dtos/error.dto';

@ApiTags('conflicts')
@Controller('conflicts')
export class ConflictsController {
  constructor(private readonly conflicts: ConflictService) {}

  @Get()
  @Roles('admin', 'rights_holder')
  @ApiOperation({
    summary: 'Registrations held because they match another holder’s earlier registration, newest first',
    description: 'A rights holder sees the conflicts it is party to, on either side; an admin all.',
  })
  @ApiOkResponse({ type: ConflictPageDto })
  async list(@CurrentCaller() caller: Caller, @Query() q: ConflictQueryDto): Promise<ConflictPageDto> {
    return ConflictPageDto.from(await this.conflicts.list(caller, q.status, q));
  }

  @Get(':id')
  @Roles('admin', 'rights_holder')
  @ApiOperation({ summary: 'A conflict with its evidence: the matched registrations, segments and scores' })
  @ApiOkResponse({ type: ConflictDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<ConflictDto> {
    return ConflictDto.from(await this.conflicts.get(caller, id));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Resolve a conflict: register the held episode or reject it',
    description: 'Registering makes the episode matchable and queues the retro-match of recent clips. Repeating the decision already taken is accepted.',
  })
  @ApiOkResponse({ type: ConflictDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'conflict_already_resolved: the other decision was taken' })
  async resolve(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResolveConflictDto): Promise<ConflictDto> {
    return ConflictDto.from(await this.conflicts.resolve(caller, id, dto.decision, dto.reason ?? null));
  }
}
