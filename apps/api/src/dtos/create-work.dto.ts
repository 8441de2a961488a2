import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export class CreateWorkDto {
  @ApiPropertyOptional({ description: 'Account of the rights holder; required when an admin creates the work, implied for a rights holder' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ description: 'Rights holder name shown on certificates and reports; defaults to the owner account’s name', example: 'Golden Reel Studio' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  rightsHolder?: string;

  @ApiProperty({ example: 'The CEO’s Secret Bride' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ example: '总裁的秘密新娘' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  originalTitle?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @IsInt()
  @Min(1888)
  @Max(2200)
  year?: number;

  @ApiPropertyOptional({ description: 'BCP 47 language tag', example: 'zh-CN' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a BCP 47 tag such as zh-CN' })
  language?: string;

  @ApiProperty({ description: 'Number of episodes the series has', example: 80 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  episodeCount!: number;

  @ApiPropertyOptional({ description: 'Free metadata (JSON object)', example: { genre: 'romance', platform: 'ReelShort' } })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}
