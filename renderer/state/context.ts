// The app's services (store, engine, host) reach components through one context, set once at start-up.
import { createContext, useContext } from 'react';
import type { EngineClient } from '../engine/client';
import type { RendererHost } from '../host';
import type { AppStore } from './appState';

export interface AppServices {
  store: AppStore;
  engine: EngineClient;
  host: RendererHost;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside <ServicesContext.Provider>');
  return s;
}
