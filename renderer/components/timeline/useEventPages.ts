// Rows of the filtered event table, fetched a page at a time as they scroll into view and cached.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useServices } from '../../state/context';
import { HEAD_ROWS, pageEvents, type TableRow } from '../../queries/events';
import type { EventFilter } from '../../state/appState';
import { pagesFor, type RowRange } from './virtualRange';

// One page is what a search's head scan returns, so a search's first page costs no query of its own.
export const PAGE_SIZE = HEAD_ROWS;

export interface EventPages {
  rowAt: (index: number) => TableRow | undefined;
  /** Rows in the first page once it has arrived: fewer than PAGE_SIZE means that is the whole table. */
  firstPageRows: number | undefined;
}

/** `wanted` holds the rows the table shows after this render (it depends on the first page, so it is read late). */
export function useEventPages(filter: EventFilter, version: number, wanted: RefObject<RowRange>): EventPages {
  const { engine } = useServices();
  const pages = useRef(new Map<number, TableRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const abort = useRef(new AbortController());
  const [, setTick] = useState(0);

  useEffect(() => {
    // New filter or new data: every cached page is wrong now, and pages still on their way are not wanted.
    generation.current++;
    const controller = (abort.current = new AbortController());
    pages.current = new Map();
    loading.current = new Set();
    setTick((t) => t + 1);
    return () => controller.abort();
  }, [filter, version]);

  useEffect(() => {
    const gen = generation.current;
    const { signal } = abort.current;
    for (const p of pagesFor(wanted.current, PAGE_SIZE)) {
      if (pages.current.has(p) || loading.current.has(p)) continue;
      loading.current.add(p);
      pageEvents(engine, filter, p * PAGE_SIZE, PAGE_SIZE, version, signal).then(
        (rows) => {
          if (gen !== generation.current) return;
          pages.current.set(p, rows);
          loading.current.delete(p);
          setTick((t) => t + 1);
        },
        () => gen === generation.current && loading.current.delete(p),
      );
    }
  });

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  return { rowAt, firstPageRows: pages.current.get(0)?.length };
}
