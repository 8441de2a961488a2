import { Module } from '@nestjs/common';
import { FrameReader } from './frame-reader.service';
import { MediaProbe } from './media-probe.service';
import { MediaStore } from './media-store.service';

@Module({
  providers: [MediaProbe, FrameReader, MediaStore],
  exports: [MediaProbe, FrameReader, MediaStore],
})
export class MediaModule {}
