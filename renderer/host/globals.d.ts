// The preload's one object (Electron); absent in a plain browser.
import type { DriftlineHost } from '../../shared/ipc/host';

declare global {
  interface Window {
    driftline?: DriftlineHost;
  }
}

export {};
