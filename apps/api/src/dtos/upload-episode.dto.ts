import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

/** Form fields sent with the episode file (multipart fields arrive as text). */
export class UploadEpisodeDto {
  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  episodeNumber!: number;

  @ApiProperty({ example: 'The contract' })
  @IsString()
  @Length(1, 300)
  title!: string;
}
