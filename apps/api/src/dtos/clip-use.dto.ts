import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { UseDay, UseTerritory } from './use-fields';

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

  @UseTerritory()
  territory?: string;

  @UseDay()
  usedOn?: string;
}
