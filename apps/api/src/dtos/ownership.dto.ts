import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OwnershipQueryResult } from '@dramaguard/catalogue';
import { CLIP_STATUSES, Page, RegistrationEntity, WorkEntity } from '@dramaguard/records';
import { PageQueryDto } from './page-query.dto';
import { UseDay, UseTerritory } from './use-fields';

export class OwnerRecordDto {
  @ApiProperty({ example: 'DG-2026-000042' }) registrationNumber!: string;
  @ApiProperty({ description: 'When the episode was registered' }) registeredAt!: Date;
  @ApiProperty() episodeNumber!: number;
  @ApiProperty() episodeTitle!: string;
  @ApiProperty() workId!: string;
  @ApiProperty() workTitle!: string;
  @ApiProperty({ description: 'The rights holder' }) owner!: string;

  static from(r: RegistrationEntity): OwnerRecordDto {
    const work = r.episode?.work;
    if (!r.episode || !work || !r.registeredAt) throw new Error(`registration ${r.id} is not a registered episode with its work`);
    return {
      registrationNumber: r.number,
      registeredAt: r.registeredAt,
      episodeNumber: r.episode.number,
      episodeTitle: r.episode.title,
      workId: work.id,
      workTitle: work.title,
      owner: work.rightsHolder,
    };
  }
}

class RegisteredEpisodeSummaryDto {
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty() registeredAt!: Date;
}

export class OwnedWorkDto {
  @ApiProperty() workId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) originalTitle!: string | null;
  @ApiProperty({ description: 'The rights holder' }) owner!: string;
  @ApiProperty() episodeCount!: number;
  @ApiProperty({ type: [RegisteredEpisodeSummaryDto], description: 'Registered episodes only' }) registeredEpisodes!: RegisteredEpisodeSummaryDto[];

  static from(w: WorkEntity): OwnedWorkDto {
    return {
      workId: w.id,
      title: w.title,
      originalTitle: w.originalTitle,
      owner: w.rightsHolder,
      episodeCount: w.episodeCount,
      registeredEpisodes: (w.episodes ?? []).map((e) => ({
        number: e.number,
        title: e.title,
        registrationNumber: e.registration!.number,
        registeredAt: e.registration!.registeredAt!,
      })),
    };
  }
}

export class OwnedWorkPageDto {
  @ApiProperty({ type: [OwnedWorkDto] }) items!: OwnedWorkDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<WorkEntity>): OwnedWorkPageDto {
    return { ...p, items: p.items.map((w) => OwnedWorkDto.from(w)) };
  }
}

export class TitleQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Part of the title or original title, any case', example: 'secret bride' })
  @IsString()
  @Length(1, 300)
  title!: string;
}

/** The use a licensee intends for the footage in its clip. */
export class OwnershipClipDto {
  @ApiProperty({ description: 'The platform you mean to use the footage on', example: 'douyin' })
  @IsString()
  @Length(1, 50)
  platform!: string;

  @UseTerritory()
  territory?: string;

  @UseDay()
  usedOn?: string;
}

class OwnershipAnswerDto extends OwnerRecordDto {
  @ApiProperty({ description: 'Match score in [0, 1]' }) score!: number;
  @ApiProperty({ description: 'One of your licences covers this use (episode, platform, territory, day)' }) licensed!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The covering licence' }) licenceId!: string | null;
  @ApiProperty({ example: 'episode 1 of work "The Secret Bride", owned by Golden Reel Studio, registered at 2026-03-01T10:00:00.000Z; your licence covers this use: yes (licence 5d0c…)' })
  summary!: string;
}

export class OwnershipQueryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CLIP_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty() platform!: string;
  @ApiProperty({ nullable: true, type: String }) territory!: string | null;
  @ApiProperty() usedOn!: string;
  @ApiProperty({ type: [OwnershipAnswerDto], description: 'One per registered episode found in the clip; empty until done, or when nothing registered is in it' })
  answers!: OwnershipAnswerDto[];

  static from({ query, answers }: OwnershipQueryResult): OwnershipQueryDto {
    return {
      id: query.clip.id,
      status: query.clip.status,
      failureReason: query.clip.failureReason,
      platform: query.clip.platform ?? '',
      territory: query.clip.territory,
      usedOn: query.clip.usedOn,
      answers: answers.map(({ match, licenceId }) => {
        const record = OwnerRecordDto.from(match.registration!);
        const covered = licenceId ? `yes (licence ${licenceId})` : 'no';
        return {
          ...record,
          score: match.score,
          licensed: licenceId !== null,
          licenceId,
          summary: `episode ${record.episodeNumber} of work "${record.workTitle}", owned by ${record.owner}, registered at ${record.registeredAt.toISOString()}; your licence covers this use: ${covered}`,
        };
      }),
    };
  }
}
