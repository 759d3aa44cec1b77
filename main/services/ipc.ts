// Registers one ipcMain handler per host method in shared/ipc/host.ts and maps failures to
// WireError. Only the app's own page may call: messages from any other frame are refused.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channel, INVOKE_METHODS, type AppHost, type DocumentsHost, type FilesHost, type RecentHost } from '../../shared/ipc/host';
import { HostError, wireErrorOf } from './hostError';
import type { IpcResult } from './ipcEnvelope';

export interface HostServices {
  files: FilesHost;
  documents: DocumentsHost;
  recent: RecentHost;
  app: Pick<AppHost, 'version'>;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerIpc(ipc: Pick<IpcMain, 'handle'>, services: HostServices, isTrusted: SenderCheck): void {
  for (const method of INVOKE_METHODS) {
    const [capability, name] = method.split('.') as [keyof HostServices, string];
    const target = services[capability] as unknown as Record<string, (...args: unknown[]) => unknown>;
    if (typeof target?.[name] !== 'function') throw new Error(`No main-process service implements ${method}`);
    ipc.handle(channel(method), async (event, ...args): Promise<IpcResult> => {
      try {
        if (!isTrusted(event)) throw new HostError('denied', `${method} refused: the caller is not Driftline's own page.`);
        return { ok: true, value: await target[name](...args) };
      } catch (e) {
        return { ok: false, error: wireErrorOf(e) };
      }
    });
  }
}
