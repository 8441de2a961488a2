import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { ErrorNote, Loading } from './states';

/** An image the api serves only with a key (evidence frames): fetched, then shown from a blob: URL. */
export function BlobImage({ api, path, alt }: { api: ApiClient; path: string; alt: string }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    api.blob(path).then(
      (b) => {
        objectUrl = URL.createObjectURL(b);
        if (live) setUrl(objectUrl);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path]);
  if (error) return <ErrorNote error={error} />;
  if (!url) return <Loading what="evidence frames" />;
  return <img class="evidence" src={url} alt={alt} />;
}

/** Saves what the api answers at `path` under `fileName` (reports, certificates). */
export async function download(api: ApiClient, path: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await api.blob(path));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
