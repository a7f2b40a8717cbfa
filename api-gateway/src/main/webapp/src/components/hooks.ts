import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Page } from '../api/client';
import type { Paging } from '../api/endpoints';

export const PAGE_SIZE = 25;

export interface Paged<T> {
  items: T[];
  next: string | null;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one loaded item (after a change) without reloading the list. */
  replace: (match: (t: T) => boolean, next: T) => void;
}

/** A keyset-paged list: the first page, then "Load more" with the cursor the service answered. */
export function usePaged<T>(fetchPage: (paging: Paging) => Promise<Page<T>>, deps: DependencyList, enabled = true): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const load = useCallback((cursor: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    fetcher.current({ limit: PAGE_SIZE, cursor }).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((old) => (cursor ? [...old, ...page.items] : page.items));
        setNext(page.next ?? null);
        setLoading(false);
      },
      (e) => {
        if (mine !== generation.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    if (!enabled) return;
    setItems([]);
    setNext(null);
    load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled]);

  return {
    items,
    next,
    loading,
    error,
    loadMore: () => next && load(next),
    reload: () => load(null),
    replace: (match, value) => setItems((old) => old.map((t) => (match(t) ? value : t))),
  };
}

export interface Async<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
  setData: (t: T | null) => void;
}

export function useAsync<T>(fn: () => Promise<T>, deps: DependencyList, enabled = true): Async<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    fnRef.current().then(
      (d) => {
        if (!live) return;
        setData(d);
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, enabled]);
  return { data, loading, error, reload: () => setTick((n) => n + 1), setData };
}

/** Runs an action, keeping whether it runs and how it failed. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setRunning(true);
      setError(null);
      try {
        return await action(...args);
      } catch (e) {
        setError(e);
        return undefined;
      } finally {
        setRunning(false);
      }
    },
    [action],
  );
  return { run, running, error, setError };
}
