import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountService, Caller } from '@dramaguard/rights';
import { Roles } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { AccountDto, ApiKeyDto, CreateAccountDto, CreateApiKeyDto, IssuedApiKeyDto, PlatformAccountDto } from '../dtos/account.dto';
import { ErrorDto } from '../dtos/error.dto';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an account (admin, rights holder, reviewer or licensee)', description: 'The account has no key yet: issue one with POST /accounts/{id}/keys.' })
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'A platform account already belongs to another licensee' })
  async create(@CurrentCaller() caller: Caller, @Body() dto: CreateAccountDto): Promise<AccountDto> {
    return AccountDto.from(await this.accounts.create(caller, { name: dto.name, role: dto.role, platformAccounts: dto.platformAccounts }));
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every account' })
  @ApiOkResponse({ type: [AccountDto] })
  async list(): Promise<AccountDto[]> {
    return (await this.accounts.list()).map((a) => AccountDto.from(a));
  }

  @Get('me')
  @Roles('admin', 'rights_holder', 'reviewer', 'licensee')
  @ApiOperation({ summary: 'The account of the API key in use' })
  @ApiOkResponse({ type: AccountDto })
  async me(@CurrentCaller() caller: Caller): Promise<AccountDto> {
    return AccountDto.from(await this.accounts.get(caller.id));
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<AccountDto> {
    return AccountDto.from(await this.accounts.get(id));
  }

  @Post(':id/platform-accounts')
  @Roles('admin')
  @ApiOperation({ summary: 'Add an uploader account on a video platform to a licensee' })
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'The platform account already belongs to a licensee' })
  async addPlatformAccount(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PlatformAccountDto): Promise<AccountDto> {
    return AccountDto.from(await this.accounts.addPlatformAccount(caller, id, dto));
  }

  @Post(':id/keys')
  @Roles('admin')
  @ApiOperation({ summary: 'Issue an API key for an account', description: 'The response holds the key itself; it is shown this once and stored only as its SHA-256.' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async issueKey(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    return IssuedApiKeyDto.issued(await this.accounts.issueKey(caller, id, dto.label ?? null));
  }

  @Get(':id/keys')
  @Roles('admin')
  @ApiOperation({ summary: 'An account’s API keys (prefixes only, never the keys)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiNotFoundResponse({ type: ErrorDto })
  async listKeys(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyDto[]> {
    return (await this.accounts.listKeys(id)).map((k) => ApiKeyDto.from(k));
  }

  @Delete(':id/keys/:keyId')
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke an API key', description: 'The key stops working at once; the record stays, with revokedAt set.' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async revokeKey(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Param('keyId', ParseUUIDPipe) keyId: string): Promise<ApiKeyDto> {
    return ApiKeyDto.from(await this.accounts.revokeKey(caller, id, keyId));
  }
}
