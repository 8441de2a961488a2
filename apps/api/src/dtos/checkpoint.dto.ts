import { ApiProperty } from '@nestjs/swagger';
import { SignedCheckpoint } from '@dramaguard/evidence';
import { AuditCheckpointEntity, Page } from '@dramaguard/records';

export class CheckpointDto {
  @ApiProperty({ description: 'Entries in the audit chain' }) entries!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Id of the last entry' }) lastEntryId!: string | null;
  @ApiProperty({ description: "The last entry's hash" }) head!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'The canonical JSON the signature covers' }) json!: string;
  @ApiProperty({ description: 'Ed25519 signature over json, base64' }) signature!: string;

  static from(s: SignedCheckpoint): CheckpointDto {
    return { entries: s.checkpoint.entries, lastEntryId: s.checkpoint.lastEntryId, head: s.checkpoint.head, at: s.checkpoint.at, json: s.json, signature: s.signatureBase64 };
  }
}

export class KeptCheckpointDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty() entries!: number;
  @ApiProperty() head!: string;
  @ApiProperty({ description: 'The canonical JSON the signature covers' }) json!: string;
  @ApiProperty({ description: 'Ed25519 signature over json, base64' }) signature!: string;

  static from(c: AuditCheckpointEntity): KeptCheckpointDto {
    return { id: c.id, at: c.at, entries: c.entries, head: c.head, json: c.json, signature: c.signature };
  }
}

export class CheckpointPageDto {
  @ApiProperty({ type: [KeptCheckpointDto] }) items!: KeptCheckpointDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;

  static from(p: Page<AuditCheckpointEntity>): CheckpointPageDto {
    return { ...p, items: p.items.map((c) => KeptCheckpointDto.from(c)) };
  }
}
