// Rows for a component from the engine: runs `fn` when deps change, drops answers that arrive out of order.
import { useEffect, useState, type DependencyList } from 'react';
import type { EngineClient } from '../engine/client';
import { useServices } from '../state/context';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

export function useQuery<T>(fn: (engine: EngineClient) => Promise<T>, deps: DependencyList): QueryState<T> {
  const { engine } = useServices();
  const [state, setState] = useState<QueryState<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    fn(engine).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: Error) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}
