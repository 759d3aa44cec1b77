// Reads one slice of the shared state; the component re-renders only when that slice changes.
import { useSyncExternalStore } from 'react';
import type { AppState } from '../state/appState';
import { useServices } from '../state/context';

export function useAppState<T>(select: (s: AppState) => T): T {
  const { store } = useServices();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
