import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Data loaded by `load`, reloaded when `deps` change, on reload(), and every
 * `pollMs` while `keepPolling(data)` holds (registrations and clips still in work).
 */
export function useResource<T>(load: () => Promise<T>, deps: unknown[], poll?: { pollMs: number; keepPolling: (data: T) => boolean }): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () =>
      loadRef.current().then(
        (d) => {
          if (!live) return;
          setData(d);
          setError(undefined);
          if (poll && poll.keepPolling(d)) timer = setTimeout(run, poll.pollMs);
        },
        (e: unknown) => {
          if (!live) return;
          setError(e);
        },
      );
    void run();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [...deps, tick]);

  return { data, error, loading: data === undefined && error === undefined, reload: useCallback(() => setTick((t) => t + 1), []) };
}
