import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Multipart fields describing where a clip was found: the use a licence may cover. */
export class ClipUseDto {
  @ApiPropertyOptional({ description: 'Platform the clip came from', example: 'douyin' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  platform?: string;

  @ApiPropertyOptional({ description: 'Uploader account on that platform', example: '@moonlight-dramas' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  uploaderAccount?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 country of the use', example: 'SG' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'territory must be an ISO 3166-1 alpha-2 code such as SG' })
  territory?: string;

  @ApiPropertyOptional({ description: 'Day of the use (YYYY-MM-DD); defaults to today', example: '2026-03-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'usedOn must be a date YYYY-MM-DD' })
  usedOn?: string;
}
