// Calls fn now and then every `ms` while `active` is true; stops when the page goes away.
import { useEffect, useRef } from 'preact/hooks';

export function usePolling(fn: () => Promise<unknown> | void, ms: number, active: boolean, deps: unknown[] = []): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        await ref.current();
      } finally {
        if (!stopped) timer = setTimeout(tick, ms);
      }
    };
    timer = setTimeout(tick, ms);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [active, ms, ...deps]);
}
