import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CASE_STATUSES, CaseStatus, MatchSignal, Page, ReviewCaseEntity } from '@dramaguard/records';
import { AppliedPolicyDto } from './policy.dto';
import { CaseDetail } from '@dramaguard/rights';
import { AuditEntryDto } from './audit-entry.dto';
import { AudioEvidenceDto, MatchSegmentDto } from './clip.dto';
import { MatchEditsDto } from './match-edits.dto';
import { PageQueryDto } from './page-query.dto';

export class CaseSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ description: 'Match score in [0, 1]' }) score!: number;
  @ApiProperty() clipId!: string;
  @ApiProperty() registrationId!: string;
  @ApiProperty({ example: 'DG-2026-000042' }) registrationNumber!: string;
  @ApiProperty() episodeNumber!: number;
  @ApiProperty() workId!: string;
  @ApiProperty() workTitle!: string;
  @ApiProperty({ description: 'Owner account of the work' }) rightsHolderId!: string;
  @ApiProperty() rightsHolder!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Reviewer who claimed the case' }) assigneeId!: string | null;
  @ApiProperty() openedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) decidedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: AppliedPolicyDto, description: 'The work’s policy in force when the clip was matched; null for cases older than policies' })
  policy!: AppliedPolicyDto | null;

  static from(c: ReviewCaseEntity): CaseSummaryDto {
    const registration = c.registration;
    const work = c.work;
    if (!registration?.episode || !work) throw new Error(`case ${c.id} was loaded without its registration, episode and work`);
    return {
      id: c.id,
      status: c.status,
      score: c.score,
      clipId: c.clipId,
      registrationId: c.registrationId,
      registrationNumber: registration.number,
      episodeNumber: registration.episode.number,
      workId: c.workId,
      workTitle: work.title,
      rightsHolderId: work.ownerId,
      rightsHolder: work.rightsHolder,
      assigneeId: c.assigneeId,
      openedAt: c.openedAt,
      decidedAt: c.decidedAt,
      decisionReason: c.decisionReason,
      policy: c.policy,
    };
  }
}

class CaseClipDto {
  @ApiProperty() id!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() durationSeconds!: number;
  @ApiProperty({ nullable: true, type: String }) platform!: string | null;
  @ApiProperty({ nullable: true, type: String }) uploaderAccount!: string | null;
  @ApiProperty({ nullable: true, type: String }) territory!: string | null;
  @ApiProperty() usedOn!: string;
  @ApiProperty() receivedAt!: Date;
}

class CaseNoteDto {
  @ApiProperty() id!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() createdAt!: Date;
}

export class CaseDto extends CaseSummaryDto {
  @ApiProperty({ type: CaseClipDto }) clip!: CaseClipDto;
  @ApiProperty() mirrored!: boolean;
  @ApiProperty({ nullable: true, type: MatchEditsDto, description: 'How the clip edits the episode; null for matches recorded before edits were' }) edits!: MatchEditsDto | null;
  @ApiProperty({ enum: ['picture', 'audio'], isArray: true, description: 'What the match rests on: ["audio"] alone is audio-only evidence' }) signals!: MatchSignal[];
  @ApiProperty({ nullable: true, type: AudioEvidenceDto }) audio!: AudioEvidenceDto | null;
  @ApiProperty({ type: [MatchSegmentDto], description: 'Matched segments, in clip order' }) segments!: MatchSegmentDto[];
  @ApiProperty({ type: [CaseNoteDto] }) notes!: CaseNoteDto[];
  @ApiProperty({ type: [AuditEntryDto], description: 'Every state change of the case, oldest first' }) history!: AuditEntryDto[];

  static detailed({ reviewCase: c, history }: CaseDetail): CaseDto {
    const clip = c.clip;
    if (!clip || !c.match) throw new Error(`case ${c.id} was loaded without its clip and match`);
    return {
      ...CaseSummaryDto.from(c),
      clip: {
        id: clip.id,
        sha256: clip.sha256,
        fileName: clip.fileName,
        durationSeconds: clip.durationSeconds,
        platform: clip.platform,
        uploaderAccount: clip.uploaderAccount,
        territory: clip.territory,
        usedOn: clip.usedOn,
        receivedAt: clip.receivedAt,
      },
      mirrored: c.match.mirrored,
      edits: c.match.edits && MatchEditsDto.from(c.match.edits),
      signals: c.match.signals,
      audio: c.match.audio,
      segments: (c.match.segments ?? []).map((s) => MatchSegmentDto.from(s)),
      notes: (c.notes ?? []).map((n) => ({ id: n.id, authorId: n.authorId, text: n.text, createdAt: n.createdAt })),
      history: history.map((e) => AuditEntryDto.from(e)),
    };
  }
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<ReviewCaseEntity>): CasePageDto {
    return { ...p, items: p.items.map((c) => CaseSummaryDto.from(c)) };
  }
}

export class CaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() workId?: string;
  @ApiPropertyOptional({ description: 'Owner account of the works' }) @IsOptional() @IsUUID() rightsHolderId?: string;
}

export class DecideCaseDto {
  @ApiPropertyOptional({ description: 'Remark on the decision', example: 'Full episode re-uploaded with a new watermark' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class DismissCaseDto {
  @ApiProperty({ description: 'Why the case is dismissed (required)', example: 'Fair-use review clip, 5 s' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class CaseNoteInputDto {
  @ApiProperty({ example: 'Uploader contacted on 2026-03-02' })
  @IsString()
  @Length(1, 4000)
  text!: string;
}

class ReportImageDto {
  @ApiProperty({ example: '/cases/{id}/evidence/{segmentId}.png' }) url!: string;
  @ApiProperty() sha256!: string;
}

class ReportSegmentDto extends MatchSegmentDto {
  @ApiProperty({ type: ReportImageDto }) image!: ReportImageDto;
}

/** Documentation of GET /cases/{id}/report (the service builds the object). */
export class CaseReportDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'id, status, openedAt, decidedAt, decisionReason' }) case!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'id, title, originalTitle' }) work!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'id, name' }) holder!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'number, registeredAt, certificateSha256' }) registration!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'number, title' }) episode!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'id, sha256, fileName, platform, uploaderAccount, territory, usedOn, receivedAt' })
  clip!: Record<string, unknown>;
  @ApiProperty() score!: number;
  @ApiProperty() mirrored!: boolean;
  @ApiProperty({ nullable: true, type: MatchEditsDto, description: 'How the clip edits the episode; null for matches recorded before edits were' }) edits!: MatchEditsDto | null;
  @ApiProperty({ type: [ReportSegmentDto] }) segments!: ReportSegmentDto[];
}
