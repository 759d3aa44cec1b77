// Sandboxed preload: exposes exactly one frozen object, window.driftline, implementing the host
// contract. The page never sees ipcRenderer; every message goes through a checked `driftline:` channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channel,
  CHANNEL_PREFIX,
  fromWireError,
  MENU_CHANNEL,
  type DriftlineHost,
  type InvokeMethods,
  type MenuCommand,
} from '../shared/ipc/host';
import type { IpcResult } from './services/ipcEnvelope';

function checked(name: string): string {
  if (!name.startsWith(CHANNEL_PREFIX)) throw new Error(`Refused IPC channel outside ${CHANNEL_PREFIX}: ${name}`);
  return name;
}

/** The host function a method name stands for, e.g. 'files.readChunk' → FilesHost['readChunk']. */
type HostFn<M extends InvokeMethods> = M extends `${infer C extends keyof DriftlineHost}.${infer N}`
  ? N extends keyof DriftlineHost[C]
    ? DriftlineHost[C][N] extends (...args: infer A) => infer R
      ? (...args: A) => R
      : never
    : never
  : never;

/** A function calling `method` in the main process, typed from the host contract. */
function remote<M extends InvokeMethods>(method: M): HostFn<M> {
  const name = checked(channel(method));
  const call = async (...args: unknown[]) => {
    const result = (await ipcRenderer.invoke(name, ...args)) as IpcResult;
    if (!result.ok) throw fromWireError(result.error);
    return result.value;
  };
  return call as HostFn<M>;
}

const MENU_COMMANDS: ReadonlySet<string> = new Set<MenuCommand>([
  'open-evidence',
  'open-investigation',
  'save',
  'save-as',
  'export',
  'open-sample',
]);

const host: DriftlineHost = {
  files: Object.freeze({
    pickEvidence: remote('files.pickEvidence'),
    readChunk: remote('files.readChunk'),
  }),
  documents: Object.freeze({
    saveAs: remote('documents.saveAs'),
    writeTo: remote('documents.writeTo'),
    open: remote('documents.open'),
  }),
  app: Object.freeze({
    kind: 'electron' as const,
    version: remote('app.version'),
    onMenuCommand(listener: (command: MenuCommand) => void) {
      // The listener only ever gets a known command string, never the IPC event object.
      const wrapped = (_event: IpcRendererEvent, command: unknown) => {
        if (typeof command === 'string' && MENU_COMMANDS.has(command)) listener(command as MenuCommand);
      };
      ipcRenderer.on(checked(MENU_CHANNEL), wrapped);
      return () => void ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
    },
  }),
};

contextBridge.exposeInMainWorld('driftline', Object.freeze(host));
