import { ApiProperty } from '@nestjs/swagger';
import { describeEdits, FRAMINGS, Framing, INSET_POSITIONS, InsetPosition, MatchEdits } from '@dramaguard/matcher';

class EditRectDto {
  @ApiProperty({ example: 0.1 }) x0!: number;
  @ApiProperty({ example: 0 }) y0!: number;
  @ApiProperty({ example: 0.9 }) x1!: number;
  @ApiProperty({ example: 1 }) y1!: number;
}

class CropDto {
  @ApiProperty({ description: 'Share of the episode picture’s width the clip keeps' }) width!: number;
  @ApiProperty({ description: 'Share of the episode picture’s height the clip keeps' }) height!: number;
}

class PictureInPictureDto {
  @ApiProperty({ enum: INSET_POSITIONS }) position!: InsetPosition;
  @ApiProperty({ type: EditRectDto, description: 'The part of the clip frame the episode occupies' }) rect!: EditRectDto;
}

class AudioEditsDto {
  @ApiProperty({ description: 'Episode seconds per clip second of the soundtrack' }) speed!: number;
  @ApiProperty() pitchChanged!: boolean;
}

/** How the clip transforms the registered episode. Rectangles are normalised (0..1 of their frame, origin top left). */
export class MatchEditsDto {
  @ApiProperty({ description: 'The clip shows the episode flipped left to right' }) mirrored!: boolean;
  @ApiProperty({ description: 'Episode seconds per clip second over the matched segments (1.2: the clip plays 1.2x fast)' }) speed!: number;
  @ApiProperty({ description: 'Degrees the clip turns the picture, clockwise: the matcher tries turns of ±4° and refines the angle in steps down to 0.5°' }) rotationDegrees!: number;
  @ApiProperty({ nullable: true, type: EditRectDto, description: 'The part of the episode’s frame the clip shows' }) episodeRect!: EditRectDto | null;
  @ApiProperty({ nullable: true, type: EditRectDto, description: 'The part of the clip’s frame that shows it' }) clipRect!: EditRectDto | null;
  @ApiProperty({ nullable: true, type: CropDto, description: 'Set when the clip keeps less than 95% of the episode picture’s width or height' }) crop!: CropDto | null;
  @ApiProperty({
    enum: FRAMINGS,
    description: 'full / crop: the picture fills the clip frame, whole / in part; pillarbox, letterbox: between bars; inset: in part of the frame; unknown: no picture geometry',
  })
  framing!: Framing;
  @ApiProperty({ nullable: true, type: PictureInPictureDto, description: 'Where the picture sits when framing is inset' }) pictureInPicture!: PictureInPictureDto | null;
  @ApiProperty({ nullable: true, type: AudioEditsDto, description: 'What the audio matcher found of the soundtrack, if it compared it' }) audio!: AudioEditsDto | null;
  @ApiProperty({ type: [String], example: ['mirrored', '1.20×', 'crop 80%×85%', 'pillarbox'], description: 'The edits in words, as reports and evidence images list them' })
  summary!: string[];

  static from(e: MatchEdits): MatchEditsDto {
    return { ...e, summary: describeEdits(e) };
  }
}
