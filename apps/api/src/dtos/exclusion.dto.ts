import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsString } from 'class-validator';
import { ReferenceExclusionEntity } from '@dramaguard/records';

export class CreateExclusionDto {
  @ApiProperty({ description: 'Start of the range in episode seconds (0 or more)', example: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  startSeconds!: number;

  @ApiProperty({ description: 'End of the range in episode seconds: after the start, at most the episode’s duration (+0.5 s)', example: 3 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  endSeconds!: number;

  @ApiProperty({ description: 'What the range is and why it is not yours (required, at most 500 characters)', example: 'platform logo sting' })
  @IsString()
  reason!: string;
}

export class ExclusionDto {
  @ApiProperty() id!: string;
  @ApiProperty() registrationId!: string;
  @ApiProperty({ description: 'Episode seconds' }) startSeconds!: number;
  @ApiProperty({ description: 'Episode seconds' }) endSeconds!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The account that recorded it' }) createdBy!: string | null;
  @ApiProperty() createdAt!: Date;

  static from(x: ReferenceExclusionEntity): ExclusionDto {
    return {
      id: x.id,
      registrationId: x.registrationId,
      startSeconds: x.startSeconds,
      endSeconds: x.endSeconds,
      reason: x.reason,
      createdBy: x.createdBy,
      createdAt: x.createdAt,
    };
  }
}
