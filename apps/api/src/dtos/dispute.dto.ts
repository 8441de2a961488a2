import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DISPUTE_STATUSES, DisputeEntity, DisputeStatus, Page } from '@dramaguard/records';
import { PageQueryDto } from './page-query.dto';

export class DisputeDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: DISPUTE_STATUSES }) status!: DisputeStatus;
  @ApiProperty({ enum: ['token', 'licensee'], description: 'token: with the notice’s dispute token; licensee: with the uploader licensee’s key' }) channel!: string;
  @ApiProperty({ nullable: true, type: String }) disputantId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() openedAt!: Date;
  @ApiProperty({ description: 'Unanswered by then, the case is released' }) answerDueAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) answeredAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) answerReason!: string | null;
  @ApiProperty({ nullable: true, type: Date }) appealedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) appealReason!: string | null;
  @ApiProperty({ nullable: true, type: Date }) appealDecidedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) appealDecisionReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The disputed case’s work, where the caller may see it' }) workId?: string | null;

  static from(d: DisputeEntity): DisputeDto {
    return {
      id: d.id,
      caseId: d.caseId,
      status: d.status,
      channel: d.channel,
      disputantId: d.disputantId,
      reason: d.reason,
      openedAt: d.openedAt,
      answerDueAt: d.answerDueAt,
      answeredAt: d.answeredAt,
      answerReason: d.answerReason,
      appealedAt: d.appealedAt,
      appealReason: d.appealReason,
      appealDecidedAt: d.appealDecidedAt,
      appealDecisionReason: d.appealDecisionReason,
      workId: d.reviewCase?.workId ?? null,
    };
  }
}

export class DisputePageDto {
  @ApiProperty({ type: [DisputeDto] }) items!: DisputeDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<DisputeEntity>): DisputePageDto {
    return { ...p, items: p.items.map((d) => DisputeDto.from(d)) };
  }
}

export class DisputeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DISPUTE_STATUSES }) @IsOptional() @IsIn(DISPUTE_STATUSES) status?: DisputeStatus;
}

export class ReasonDto {
  @ApiProperty({ example: 'The clip is a licensed trailer' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}

export class TokenDisputeDto extends ReasonDto {
  @ApiProperty({ description: 'The case the takedown notice is about (notice.dispute.caseId)' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ description: 'The notice’s dispute token (notice.dispute.token)' })
  @IsString()
  @Length(1, 200)
  token!: string;
}

export class TokenAppealDto extends ReasonDto {
  @ApiProperty({ description: 'The dispute token of the case’s takedown notice' })
  @IsString()
  @Length(1, 200)
  token!: string;
}

export class AppealDecisionDto extends ReasonDto {
  @ApiProperty({ enum: ['uphold', 'release'], description: 'uphold: the case stays confirmed for good; release: the case is released' })
  @IsIn(['uphold', 'release'])
  decision!: 'uphold' | 'release';
}
