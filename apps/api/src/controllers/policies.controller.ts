import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Caller, PolicyService } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { ErrorDto } from '../dtos/error.dto';
import { PolicyDto, SetPolicyDto } from '../dtos/policy.dto';

@ApiTags('works')
@Controller('works/:id/policies')
export class PoliciesController {
  constructor(private readonly policies: PolicyService) {}

  @Post()
  @Roles('admin', 'rights_holder')
  @ApiOperation({
    summary: 'Set what a match of your work does, for a territory and a platform (or * for any)',
    description:
      'track: record the match, open no case; review: a case for a reviewer (the default when no policy applies); takedown: from takedownMinScore up the case is ' +
      'confirmed at once and its signed takedown notice is ready (GET /cases/{id}/notice), below it the case is reviewed. The most specific policy applies ' +
      '(territory and platform, then territory, then platform, then any). A licensed use is never taken down. Setting a policy for the same territory and ' +
      'platform again replaces it; matches keep the policy that was in force when they were made.',
  })
  @ApiCreatedResponse({ type: PolicyDto })
  @ApiUnprocessableEntityResponse({ type: ErrorDto, description: 'invalid_policy: bad territory or platform, takedown without a threshold in (0, 1] (an unknown action is refused by validation, 400)' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such work among yours' })
  async set(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetPolicyDto): Promise<PolicyDto> {
    return PolicyDto.from(await this.policies.set(caller, id, dto));
  }

  @Get()
  @Roles('admin', 'reviewer', 'rights_holder')
  @ApiOperation({ summary: 'A work’s policies', description: 'A rights holder sees the policies of its own works only.' })
  @ApiOkResponse({ type: [PolicyDto] })
  @ApiNotFoundResponse({ type: ErrorDto })
  async list(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<PolicyDto[]> {
    return (await this.policies.list(caller, id)).map((p) => PolicyDto.from(p));
  }

  @Delete(':policyId')
  @Roles('admin', 'rights_holder')
  @ApiOperation({ summary: 'Remove a policy: matches of the work there are reviewed again (or follow a less specific policy)', description: 'Answers with the policy removed.' })
  @ApiOkResponse({ type: PolicyDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such work among yours, or no such policy of it' })
  async remove(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Param('policyId', ParseUUIDPipe) policyId: string): Promise<PolicyDto> {
    return PolicyDto.from(await this.policies.remove(caller, id, policyId));
  }
}
