// Sandboxed preload: exposes exactly one frozen object, window.driftline, implementing the host
// contract. The page never sees ipcRenderer; every message goes through a checked `driftline:` channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channel,
  CHANNEL_PREFIX,
  CLOSE_ANSWER_CHANNEL,
  CLOSE_REQUEST_CHANNEL,
  fromWireError,
  isCloseAnswer,
  MENU_CHANNEL,
  OPEN_RECENT_CHANNEL,
  type CloseAnswer,
  type CloseGuard,
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

/** Recent-list ids are UUIDs; anything else on the channel is not from Driftline's menu. */
const isRecentId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100;

let closeGuard: CloseGuard | null = null;

/** Asks the page's CloseGuard; whatever happens, the main process gets a CloseAnswer back for `id`. */
async function answerClose(step: unknown): Promise<CloseAnswer> {
  // No guard yet: the page is still starting, so nothing in it can be unsaved.
  if (!closeGuard) return { kind: 'saved' };
  try {
    const answer: unknown = step === 'save' ? await closeGuard.save() : await closeGuard.prepare();
    return isCloseAnswer(answer) ? answer : { kind: 'unsaved', reason: 'The window gave an answer Driftline does not understand.' };
  } catch (e) {
    return { kind: 'unsaved', reason: `Checking for unsaved changes failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

ipcRenderer.on(checked(CLOSE_REQUEST_CHANNEL), (_event: IpcRendererEvent, id: unknown, step: unknown) => {
  if (typeof id !== 'number') return;
  void answerClose(step).then((answer) => ipcRenderer.send(checked(CLOSE_ANSWER_CHANNEL), id, answer));
});

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
  recent: Object.freeze({
    list: remote('recent.list'),
    open: remote('recent.open'),
    remove: remote('recent.remove'),
    locate: remote('recent.locate'),
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
    onOpenRecent(listener: (id: string) => void) {
      const wrapped = (_event: IpcRendererEvent, id: unknown) => {
        if (isRecentId(id)) listener(id);
      };
      ipcRenderer.on(checked(OPEN_RECENT_CHANNEL), wrapped);
      return () => void ipcRenderer.removeListener(OPEN_RECENT_CHANNEL, wrapped);
    },
    onBeforeClose(guard: CloseGuard) {
      closeGuard = guard;
      return () => {
        if (closeGuard === guard) closeGuard = null;
      };
    },
  }),
};

contextBridge.exposeInMainWorld('driftline', Object.freeze(host));
