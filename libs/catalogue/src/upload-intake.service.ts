import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { MediaError, MediaKind, MediaProbe, MediaStore, StoredMedia, VideoInfo } from '@dramaguard/media';
import { DomainError } from '@dramaguard/records';
import { checkFileName, checkVideoLimits, fromMediaError, IncomingUpload } from './upload-rules';

export interface IdentifiedUpload extends IncomingUpload {
  readonly fileName: string;
  readonly sha256: string;
}

/** The checks every uploaded video goes through, episode or clip, cheapest first. */
@Injectable()
export class UploadIntake {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: MediaStore,
    private readonly probe: MediaProbe,
  ) {}

  async identify(upload: IncomingUpload | undefined): Promise<IdentifiedUpload> {
    if (!upload) throw new DomainError('file_missing', 'send the video as the multipart form field "file"');
    const fileName = checkFileName(upload.originalName);
    if (upload.sizeBytes === 0) throw new DomainError('file_empty', 'the uploaded file is empty');
    return { ...upload, fileName, sha256: await this.store.sha256(upload.path) };
  }

  async inspect(upload: IdentifiedUpload): Promise<VideoInfo> {
    let info: VideoInfo;
    try {
      info = await this.probe.probe(upload.path);
    } catch (e) {
      throw e instanceof MediaError ? fromMediaError(e) : e;
    }
    checkVideoLimits(info, this.config.limits);
    return info;
  }

  keep(upload: IdentifiedUpload, kind: MediaKind): Promise<StoredMedia> {
    return this.store.keep(upload.path, kind, upload.sha256);
  }

  /** Undoes `keep` when the rows that would reference the file could not be written. */
  async release(stored: StoredMedia): Promise<void> {
    if (stored.created) await this.store.remove(stored.key);
  }
}

/** The columns every stored video carries, registered episode or clip. */
export function mediaColumns(upload: IdentifiedUpload, info: VideoInfo, stored: StoredMedia) {
  return {
    sha256: upload.sha256,
    mediaKey: stored.key,
    fileName: upload.fileName,
    sizeBytes: upload.sizeBytes,
    durationSeconds: info.durationSeconds,
    width: info.width,
    height: info.height,
    hasAudio: info.hasAudio,
  };
}
