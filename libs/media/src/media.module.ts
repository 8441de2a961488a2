import { Module } from '@nestjs/common';
import { AudioPrinter } from './audio-printer.service';
import { EvidenceImages } from './evidence-images.service';
import { FrameReader } from './frame-reader.service';
import { FrameStore } from './frame-store.service';
import { MediaProbe } from './media-probe.service';
import { MediaStore } from './media-store.service';

@Module({
  providers: [AudioPrinter, MediaProbe, FrameReader, MediaStore, FrameStore, EvidenceImages],
  exports: [AudioPrinter, MediaProbe, FrameReader, MediaStore, FrameStore, EvidenceImages],
})
export class MediaModule {}
