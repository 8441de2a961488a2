import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AuditEntryEntity, ChainCheck, Page } from '@dramaguard/records';
import { PageQueryDto } from './page-query.dto';

export class AuditEntryDto {
  @ApiProperty({ description: 'Grows with every entry' }) id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String, description: 'Account that made the change; null when the service itself did' }) actorId!: string | null;
  @ApiProperty({ example: 'case.claimed' }) action!: string;
  @ApiProperty({ example: 'case' }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, description: "The previous entry's hash (64 zeros for the first)" }) prevHash!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 over prevHash and this entry in canonical JSON (GET /audit/verify checks them all)' }) hash!: string | null;

  static from(e: AuditEntryEntity): AuditEntryDto {
    return {
      id: e.id,
      at: e.at,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      before: e.before,
      after: e.after,
      prevHash: e.prevHash,
      hash: e.hash,
    };
  }
}

export class AuditChainDto {
  @ApiProperty({ description: 'True when every entry follows from the one before' }) valid!: boolean;
  @ApiProperty({ description: 'Entries checked before the first bad one (all of them when valid)' }) checked!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Id of the first entry that was edited, removed or inserted afterwards' }) brokenAt!: string | null;
  @ApiProperty({ description: 'The hash of the last good entry: keep it to prove later that the log up to it is unchanged' }) head!: string;

  static from(c: ChainCheck): AuditChainDto {
    return { valid: c.brokenAt === null, checked: c.checked, brokenAt: c.brokenAt, head: c.head };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<AuditEntryEntity>): AuditPageDto {
    return { ...p, items: p.items.map((e) => AuditEntryDto.from(e)) };
  }
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'case' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;
}
