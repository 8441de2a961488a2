import type { IncomingUpload } from '@dramaguard/catalogue';

/** The fields of a multer disk-storage file this api reads. */
export interface ReceivedFile {
  readonly path: string;
  readonly originalname: string;
  readonly size: number;
}

/** The service-side view of a received file. */
export function incomingUpload(file: ReceivedFile | undefined): IncomingUpload | undefined {
  return file ? { path: file.path, originalName: file.originalname, sizeBytes: file.size } : undefined;
}
