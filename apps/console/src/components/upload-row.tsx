import type { UploadProgress } from '../api/api-client';

/** One file on its way: a progress bar while it uploads, then whatever the caller shows (its status). */
export function ProgressBar({ progress, label }: { progress: UploadProgress | null; label: string }) {
  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <div class="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div class="progress-fill" style={{ width: `${percent}%` }} />
      <span>{percent}%</span>
    </div>
  );
}
