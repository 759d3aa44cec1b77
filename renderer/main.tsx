// Start-up: choose the host, start the engine worker, and mount the window.
import { createRoot } from 'react-dom/client';
import { EngineClient } from './engine/client';
import { getHost } from './host';
import { createAppStore, type Theme } from './state/appState';
import { App } from './components/App';
import './styles/theme.css';
import './styles/app.css';

const host = getHost();
const engine = EngineClient.start((h, o, l) => host.files.readChunk(h, o, l));
const store = createAppStore();

try {
  const saved = localStorage.getItem('driftline.theme') as Theme | null;
  if (saved === 'light' || saved === 'dark' || saved === 'system') store.set({ theme: saved });
} catch {
  // storage unavailable: follow the OS
}

engine.open().then(
  ({ ms }) => {
    store.set({ phase: 'empty', engineMs: ms });
    // For the end-to-end test and benchmark: how long the database took to start in this browser.
    document.documentElement.dataset.engineMs = String(Math.round(ms));
  },
  (e: Error) => store.set({ phase: 'empty', notice: `The database engine could not start: ${e.message}. Reload the window; if it keeps failing, this browser may lack WebAssembly support.` }),
);

// For the benchmark and debugging from devtools: the engine's timed query log.
(window as unknown as { __driftlineQueryLog?: () => Promise<unknown> }).__driftlineQueryLog = () => engine.queryLog();

createRoot(document.getElementById('root') as HTMLElement).render(<App services={{ store, engine, host }} />);
