import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Page, WorkEntity } from '@dramaguard/records';
import { RegistrationSummaryDto } from './registration.dto';

export class EpisodeDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: () => RegistrationSummaryDto }) registration?: RegistrationSummaryDto;
}

export class WorkDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Account of the rights holder' }) ownerId!: string;
  @ApiProperty({ description: 'Rights holder name as shown on certificates' }) rightsHolder!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) originalTitle!: string | null;
  @ApiProperty({ nullable: true, type: Number }) year!: number | null;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty() episodeCount!: number;
  @ApiProperty({ description: "The shard of the match index holding the work's episodes (fixed when the work is created)" }) shard!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [EpisodeDto], description: 'Registered episodes, by number' }) episodes!: EpisodeDto[];

  static from(w: WorkEntity): WorkDto {
    return {
      id: w.id,
      ownerId: w.ownerId,
      rightsHolder: w.rightsHolder,
      title: w.title,
      originalTitle: w.originalTitle,
      year: w.year,
      language: w.language,
      episodeCount: w.episodeCount,
      shard: w.shard,
      metadata: w.metadata,
      createdAt: w.createdAt,
      episodes: (w.episodes ?? []).map((e) => ({
        id: e.id,
        number: e.number,
        title: e.title,
        ...(e.registration ? { registration: RegistrationSummaryDto.from(e.registration) } : {}),
      })),
    };
  }
}

export class WorkPageDto {
  @ApiProperty({ type: [WorkDto], description: 'Works, newest first (episodes not included: GET /works/{id})' }) items!: WorkDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<WorkEntity>): WorkPageDto {
    return { ...p, items: p.items.map((w) => WorkDto.from({ ...w, episodes: [] })) };
  }
}
