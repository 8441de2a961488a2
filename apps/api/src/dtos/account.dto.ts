import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { AccountEntity, ApiKeyEntity, Role, ROLES } from '@dramaguard/records';
import { IssuedKey } from '@dramaguard/rights';

export class PlatformAccountDto {
  @ApiProperty({ description: 'Video platform, compared case-insensitively', example: 'douyin' })
  @IsString()
  @Length(1, 50)
  platform!: string;

  @ApiProperty({ description: 'The uploader account on that platform', example: '@moonlight-dramas' })
  @IsString()
  @Length(1, 200)
  handle!: string;
}

export class CreateAccountDto {
  @ApiProperty({ example: 'Golden Reel Studio' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ type: [PlatformAccountDto], description: 'Licensees only: their uploader accounts, whose uploads their licences cover' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlatformAccountDto)
  platformAccounts?: PlatformAccountDto[];
}

export class AccountDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [PlatformAccountDto] }) platformAccounts!: PlatformAccountDto[];

  static from(a: AccountEntity): AccountDto {
    return {
      id: a.id,
      name: a.name,
      role: a.role,
      createdAt: a.createdAt,
      platformAccounts: (a.platformAccounts ?? []).map((p) => ({ platform: p.platform, handle: p.handle })),
    };
  }
}

export class CreateApiKeyDto {
  @ApiPropertyOptional({ description: 'What the key is for', example: 'upload script' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  label?: string;
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty({ description: 'First characters of the key', example: 'dg_Xk3f9aQ' }) prefix!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;

  static from(k: ApiKeyEntity): ApiKeyDto {
    return { id: k.id, accountId: k.accountId, prefix: k.prefix, label: k.label, createdAt: k.createdAt, revokedAt: k.revokedAt };
  }
}

export class IssuedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself. Shown this once only: the service keeps just its SHA-256.', example: 'dg_Xk3f9aQ…' })
  key!: string;

  static issued(k: IssuedKey): IssuedApiKeyDto {
    return { ...ApiKeyDto.from(k.record), key: k.key };
  }
}
