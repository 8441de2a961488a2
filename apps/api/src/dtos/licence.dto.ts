import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { LicenceEntity, Page } from '@dramaguard/records';
import { PageQueryDto } from './page-query.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateLicenceDto {
  @ApiProperty() @IsUUID() workId!: string;

  @ApiProperty({ description: 'The licensee account' }) @IsUUID() licenseeId!: string;

  @ApiPropertyOptional({ description: 'First licensed episode; omit both bounds to license the whole work', example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  firstEpisode?: number;

  @ApiPropertyOptional({ description: 'Last licensed episode (defaults to firstEpisode)', example: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  lastEpisode?: number;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 codes, or ["*"] for everywhere', example: ['SG', 'MY'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(250)
  @Matches(/^([A-Za-z]{2}|\*)$/, { each: true, message: 'territories must be ISO 3166-1 alpha-2 codes or *' })
  territories!: string[];

  @ApiProperty({ description: 'Platforms, or ["*"] for every platform', example: ['douyin'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  platforms!: string[];

  @ApiProperty({ description: 'First day, YYYY-MM-DD (inclusive)', example: '2026-01-01' })
  @Matches(DATE, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn!: string;

  @ApiProperty({ description: 'Last day, YYYY-MM-DD (inclusive)', example: '2026-12-31' })
  @Matches(DATE, { message: 'endsOn must be a date YYYY-MM-DD' })
  endsOn!: string;

  @ApiProperty({ description: 'An exclusive licence may not overlap any other licence of the work' }) @IsBoolean() exclusive!: boolean;
}

export class LicenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() workId!: string;
  @ApiProperty() workTitle!: string;
  @ApiProperty() licenseeId!: string;
  @ApiProperty() licenseeName!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Null with lastEpisode: the whole work' }) firstEpisode!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lastEpisode!: number | null;
  @ApiProperty({ type: [String] }) territories!: string[];
  @ApiProperty({ type: [String] }) platforms!: string[];
  @ApiProperty({ example: '2026-01-01' }) startsOn!: string;
  @ApiProperty({ example: '2026-12-31' }) endsOn!: string;
  @ApiProperty() exclusive!: boolean;
  @ApiProperty() createdAt!: Date;

  static from(l: LicenceEntity): LicenceDto {
    return {
      id: l.id,
      workId: l.workId,
      workTitle: l.work?.title ?? '',
      licenseeId: l.licenseeId,
      licenseeName: l.licensee?.name ?? '',
      firstEpisode: l.firstEpisode,
      lastEpisode: l.lastEpisode,
      territories: l.territories,
      platforms: l.platforms,
      startsOn: l.startsOn,
      endsOn: l.endsOn,
      exclusive: l.exclusive,
      createdAt: l.createdAt,
    };
  }
}

export class LicencePageDto {
  @ApiProperty({ type: [LicenceDto] }) items!: LicenceDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<LicenceEntity>): LicencePageDto {
    return { ...p, items: p.items.map((l) => LicenceDto.from(l)) };
  }
}

export class LicenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() workId?: string;
}
