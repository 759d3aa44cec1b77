// What an IPC handler returns. Electron's invoke would flatten a thrown error into a message
// string, losing its kind; an explicit envelope keeps {name, message, kind} intact.
import type { WireError } from '../../shared/ipc/host';

export type IpcResult = { ok: true; value: unknown } | { ok: false; error: WireError };
