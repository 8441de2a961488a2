import { Module } from '@nestjs/common';
import { EvidenceImages } from './evidence-images.service';
import { FrameReader } from './frame-reader.service';
import { FrameStore } from './frame-store.service';
import { MediaProbe } from './media-probe.service';
import { MediaStore } from './media-store.service';

@Module({
  providers: [MediaProbe, FrameReader, MediaStore, FrameStore, EvidenceImages],
  exports: [MediaProbe, FrameReader, MediaStore, FrameStore, EvidenceImages],
})
export class MediaModule {}
