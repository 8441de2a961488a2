import type { UploadProgress } from '../api/api-client';

/** How much of an upload has been sent. */
export function ProgressBar({ progress, label }: { progress: UploadProgress | null; label: string }) {
  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <div class="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div class="progress-fill" style={{ width: `${percent}%` }} />
      <span>{percent}%</span>
    </div>
  );
}
