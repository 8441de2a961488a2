import { ApiProperty } from '@nestjs/swagger';
import { REGISTRATION_STATUSES, RegistrationEntity, RegistrationStatus } from '@dramaguard/records';
import { ExclusionDto } from './exclusion.dto';

export class RegistrationSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'DG-2026-000042' }) number!: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: RegistrationStatus;
  @ApiProperty({ description: 'Percent of the episode fingerprinted' }) progress!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why registration failed, when it did' }) failureReason!: string | null;

  static from(r: RegistrationEntity): RegistrationSummaryDto {
    return { id: r.id, number: r.number, status: r.status, progress: r.progress, failureReason: r.failureReason };
  }
}

class RegisteredEpisodeDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
}

class RegisteredWorkDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() rightsHolder!: string;
}

export class RegistrationDto extends RegistrationSummaryDto {
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) sha256!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() durationSeconds!: number;
  @ApiProperty({ description: 'Displayed width in pixels' }) width!: number;
  @ApiProperty({ description: 'Displayed height in pixels' }) height!: number;
  @ApiProperty({ description: 'When the file was received' }) receivedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) fingerprintingStartedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'When the episode became matchable' }) registeredAt!: Date | null;
  @ApiProperty({ type: RegisteredEpisodeDto }) episode!: RegisteredEpisodeDto;
  @ApiProperty({ type: RegisteredWorkDto }) work!: RegisteredWorkDto;
  @ApiProperty({ type: [ExclusionDto], description: 'Time ranges its rights holder declared not theirs: never matched' }) exclusions!: ExclusionDto[];

  static override from(r: RegistrationEntity): RegistrationDto {
    const episode = r.episode;
    const work = episode?.work;
    if (!episode || !work || !r.exclusions) throw new Error(`registration ${r.id} was loaded without its episode, work and exclusions`);
    return {
      ...RegistrationSummaryDto.from(r),
      sha256: r.sha256,
      fileName: r.fileName,
      sizeBytes: Number(r.sizeBytes),
      durationSeconds: r.durationSeconds,
      width: r.width,
      height: r.height,
      receivedAt: r.receivedAt,
      fingerprintingStartedAt: r.fingerprintingStartedAt,
      registeredAt: r.registeredAt,
      episode: { id: episode.id, number: episode.number, title: episode.title },
      work: { id: work.id, title: work.title, rightsHolder: work.rightsHolder },
      exclusions: r.exclusions.map((x) => ExclusionDto.from(x)),
    };
  }
}
