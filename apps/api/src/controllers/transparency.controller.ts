import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckpointService } from '@dramaguard/evidence';
import { Public } from '../auth/access.decorator';
import { CheckpointDto, CheckpointPageDto } from '../dtos/checkpoint.dto';
import { PageQueryDto } from '../dtos/page-query.dto';

@ApiTags('transparency')
@Controller('transparency')
export class TransparencyController {
  constructor(private readonly checkpoints: CheckpointService) {}

  @Get('checkpoint')
  @Public()
  @ApiOperation({
    summary: "A signed checkpoint of the audit log's hash chain",
    description:
      'The number of entries and the head hash, now, signed with the Ed25519 key at /keys/signing over the canonical JSON in `json`. ' +
      'Keep it: a registration whose certificate names an audit entry covered by it existed before this time, and any later edit of the log before the head shows.',
  })
  @ApiOkResponse({ type: CheckpointDto })
  async checkpoint(): Promise<CheckpointDto> {
    return CheckpointDto.from(await this.checkpoints.current());
  }

  @Get('checkpoints')
  @Public()
  @ApiOperation({ summary: 'The checkpoints the service signed and kept, newest first', description: 'One every CHECKPOINT_INTERVAL_MS while the audit chain grows.' })
  @ApiOkResponse({ type: CheckpointPageDto })
  async kept(@Query() q: PageQueryDto): Promise<CheckpointPageDto> {
    return CheckpointPageDto.from(await this.checkpoints.list(q));
  }
}
