import { ApiProperty } from '@nestjs/swagger';
import { SignedCheckpoint } from '@dramaguard/registry';

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
