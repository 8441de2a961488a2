import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckpointService } from '@dramaguard/registry';
import { Public } from '../auth/access.decorator';
import { CheckpointDto } from '../dtos/checkpoint.dto';

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
}
