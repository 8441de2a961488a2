import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CONFLICT_STATUSES, ConflictStatus, Page, RegistrationConflictEntity, RegistrationEntity } from '@dramaguard/records';
import { PageQueryDto } from './page-query.dto';

class ConflictRegistrationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'DG-2026-000042' }) number!: string;
  @ApiProperty() status!: string;
  @ApiProperty() workId!: string;
  @ApiProperty() workTitle!: string;
  @ApiProperty() episodeNumber!: number;
  @ApiProperty({ description: 'Owner account of the work' }) rightsHolderId!: string;
  @ApiProperty() rightsHolder!: string;
  @ApiProperty() receivedAt!: Date;

  static from(r: RegistrationEntity): ConflictRegistrationDto {
    const work = r.episode?.work;
    if (!r.episode || !work) throw new Error(`registration ${r.id} was loaded without its episode and work`);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      workId: work.id,
      workTitle: work.title,
      episodeNumber: r.episode.number,
      rightsHolderId: work.ownerId,
      rightsHolder: work.rightsHolder,
      receivedAt: r.receivedAt,
    };
  }
}

class ConflictSegmentDto {
  @ApiProperty({ description: 'Start in the held episode, seconds' }) newStart!: number;
  @ApiProperty() newEnd!: number;
  @ApiProperty({ description: 'Start in the earlier registered episode, seconds' }) registeredStart!: number;
  @ApiProperty() registeredEnd!: number;
  @ApiProperty() speed!: number;
  @ApiProperty() score!: number;
}

class ConflictEvidenceDto {
  @ApiProperty({ type: ConflictRegistrationDto, description: 'The earlier registration of another rights holder' }) registration!: ConflictRegistrationDto;
  @ApiProperty() score!: number;
  @ApiProperty() mirrored!: boolean;
  @ApiProperty({ type: [ConflictSegmentDto] }) segments!: ConflictSegmentDto[];
}

export class ConflictDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONFLICT_STATUSES }) status!: ConflictStatus;
  @ApiProperty({ type: ConflictRegistrationDto, description: 'The registration held back' }) registration!: ConflictRegistrationDto;
  @ApiProperty({ type: [ConflictEvidenceDto] }) evidence!: ConflictEvidenceDto[];
  @ApiProperty() openedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) resolutionReason!: string | null;

  static from(c: RegistrationConflictEntity): ConflictDto {
    if (!c.registration) throw new Error(`conflict ${c.id} was loaded without its registration`);
    return {
      id: c.id,
      status: c.status,
      registration: ConflictRegistrationDto.from(c.registration),
      evidence: (c.matches ?? []).map((m) => {
        if (!m.registration) throw new Error(`conflict ${c.id} was loaded without its matched registrations`);
        return { registration: ConflictRegistrationDto.from(m.registration), score: m.score, mirrored: m.mirrored, segments: m.segments };
      }),
      openedAt: c.openedAt,
      resolvedBy: c.resolvedBy,
      resolvedAt: c.resolvedAt,
      resolutionReason: c.resolutionReason,
    };
  }
}

export class ConflictPageDto {
  @ApiProperty({ type: [ConflictDto] }) items!: ConflictDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<RegistrationConflictEntity>): ConflictPageDto {
    return { ...p, items: p.items.map((c) => ConflictDto.from(c)) };
  }
}

export class ConflictQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONFLICT_STATUSES }) @IsOptional() @IsIn(CONFLICT_STATUSES) status?: ConflictStatus;
}

export class ResolveConflictDto {
  @ApiProperty({ enum: ['register', 'reject'], description: 'register: make the held episode matchable; reject: refuse it for good' })
  @IsIn(['register', 'reject'])
  decision!: 'register' | 'reject';

  @ApiPropertyOptional({ example: 'Licensed re-release: contract 2026-117 on file' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
