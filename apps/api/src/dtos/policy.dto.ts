import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { POLICY_ACTIONS, PolicyAction, PolicyEntity } from '@dramaguard/records';

/** The policy in force when a clip was matched, as recorded on its match and case. */
export class AppliedPolicyDto {
  @ApiProperty({ nullable: true, type: String, description: 'null: no policy applied, the default (review)' }) policyId!: string | null;
  @ApiProperty({ enum: POLICY_ACTIONS }) action!: PolicyAction;
  @ApiProperty({ example: 'SG', description: 'ISO 3166-1 alpha-2, or * for any' }) territory!: string;
  @ApiProperty({ example: 'douyin', description: 'Platform, or * for any' }) platform!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'takedown: from this score up the case is confirmed at once' }) takedownMinScore!: number | null;
}

export class PolicyDto {
  @ApiProperty() id!: string;
  @ApiProperty() workId!: string;
  @ApiProperty({ example: 'SG', description: 'ISO 3166-1 alpha-2, or * for any' }) territory!: string;
  @ApiProperty({ example: 'douyin', description: 'Platform, or * for any' }) platform!: string;
  @ApiProperty({ enum: POLICY_ACTIONS }) action!: PolicyAction;
  @ApiProperty({ nullable: true, type: Number }) takedownMinScore!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(p: PolicyEntity): PolicyDto {
    return {
      id: p.id,
      workId: p.workId,
      territory: p.territory,
      platform: p.platform,
      action: p.action,
      takedownMinScore: p.takedownMinScore,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

export class SetPolicyDto {
  @ApiProperty({ enum: POLICY_ACTIONS, description: 'track: record matches, no case; review: a case for a reviewer; takedown: confirm at once from takedownMinScore up' })
  @IsIn(POLICY_ACTIONS)
  action!: PolicyAction;

  @ApiPropertyOptional({ example: 'SG', description: 'ISO 3166-1 alpha-2; * (the default) for any territory' })
  @IsOptional()
  @IsString()
  @Length(1, 8)
  territory?: string;

  @ApiPropertyOptional({ example: 'douyin', description: 'Platform name; * (the default) for any platform' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  platform?: string;

  @ApiPropertyOptional({ example: 0.9, description: 'Required for takedown, in (0, 1]: matches scoring below it are reviewed' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  takedownMinScore?: number;
}
