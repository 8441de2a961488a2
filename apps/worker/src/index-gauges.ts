import { Injectable, OnModuleInit } from '@nestjs/common';
import { observeIndex } from '@dramaguard/observability';
import { EpisodeIndex } from '@dramaguard/matching';

/** A worker reports the size of its own match index. */
@Injectable()
export class IndexGauges implements OnModuleInit {
  constructor(private readonly index: EpisodeIndex) {}

  onModuleInit(): void {
    observeIndex(() => ({ episodes: this.index.episodeCount, bytes: this.index.indexBytes }));
  }
}
