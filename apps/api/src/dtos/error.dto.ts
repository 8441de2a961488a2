import { ApiProperty } from '@nestjs/swagger';

/** Shape of every error response (documentation only; the filter builds it). */
export class ErrorDto {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'duplicate_file', description: 'Stable machine-readable code' }) error!: string;
  @ApiProperty({ example: 'this file is already registered as DG-2026-000042' }) message!: string;
}

export class DuplicateFileErrorDto extends ErrorDto {
  @ApiProperty({ description: 'The registration that already holds this file' }) registrationId!: string;
  @ApiProperty({ example: 'DG-2026-000042' }) registrationNumber!: string;
  @ApiProperty() status!: string;
}
