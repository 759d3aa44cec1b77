// Closing the window (its close button, Quit, Cmd+Q, the OS logging out) waits until the window's work is
// in a file: the close is held, the page writes what autosave has waiting, and the person is asked only
// when something would still be lost ("Save changes before closing?"), like any careful document app.
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import { CLOSE_ANSWER_CHANNEL, CLOSE_REQUEST_CHANNEL, isCloseAnswer, type CloseAnswer, type CloseStep } from '../../shared/ipc/host';

/** How long the page may take to write what waits before the person is asked whether to keep waiting. */
export const CLOSE_TIMEOUT_MS = 10_000;

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of a BrowserWindow the guard uses (a fake in tests). */
export interface GuardedWindow {
  on(event: 'close' | 'query-session-end', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  readonly webContents: {
    send(channel: string, ...args: unknown[]): void;
    isCrashed(): boolean;
    on(event: 'render-process-gone', listener: () => void): unknown;
  };
}

type AnswerListener = (event: { sender: unknown }, id: unknown, answer: unknown) => void;

export interface CloseGuardOptions {
  ipc: { on(channel: string, listener: AnswerListener): unknown; removeListener(channel: string, listener: AnswerListener): unknown };
  dialogs: CloseDialogs;
  /** The app, so a Quit held for the question carries on once the window may close. */
  app?: { on(event: 'before-quit', listener: () => void): unknown; removeListener(event: 'before-quit', listener: () => void): unknown; quit(): void };
  timeoutMs?: number;
}

export interface CloseDialogs {
  /** Something would be lost (`reason` says what): save it first, close without it, or stay. */
  askToSave(reason: string): Promise<'save' | 'discard' | 'cancel'>;
  /** The page has not answered in `waitedMs`; `signal` aborts when it does, closing the question. */
  askWhenSlow(waitedMs: number, signal: AbortSignal): Promise<'wait' | 'close'>;
}

/** The page is gone (crashed, or the window went away): there is nothing left in it to write. */
const GONE = 'gone';
/** The person chose to close without waiting for the page's answer. */
const CLOSE_ANYWAY = 'close-anyway';
type Reply = CloseAnswer | typeof GONE;

export function guardClose(win: GuardedWindow, { ipc, dialogs, app, timeoutMs = CLOSE_TIMEOUT_MS }: CloseGuardOptions): void {
  let allowed = false;
  let deciding = false;
  let quitting = false;
  let nextId = 1;
  const pending = new Map<number, (reply: Reply) => void>();

  const onAnswer: AnswerListener = (event, id, answer) => {
    const resolve = typeof id === 'number' && event.sender === win.webContents ? pending.get(id) : undefined;
    if (!resolve) return;
    pending.delete(id as number);
    resolve(isCloseAnswer(answer) ? answer : { kind: 'unsaved', reason: 'The window gave an answer Driftline does not understand.' });
  };
  const pageGone = () => {
    for (const resolve of pending.values()) resolve(GONE);
    pending.clear();
  };
  const onBeforeQuit = () => void (quitting = true);
  ipc.on(CLOSE_ANSWER_CHANNEL, onAnswer);
  app?.on('before-quit', onBeforeQuit);
  win.webContents.on('render-process-gone', pageGone);
  win.on('closed', () => {
    ipc.removeListener(CLOSE_ANSWER_CHANNEL, onAnswer);
    app?.removeListener('before-quit', onBeforeQuit);
    pageGone();
  });

  function ask(step: CloseStep): Promise<Reply> {
    const id = nextId++;
    const reply = new Promise<Reply>((resolve) => pending.set(id, resolve));
    try {
      win.webContents.send(CLOSE_REQUEST_CHANNEL, id, step);
    } catch {
      pageGone(); // sending fails only once the page is destroyed
    }
    return reply;
  }

  /** Waits for the reply; every `timeoutMs` without one, asks whether to keep waiting. */
  async function patiently(reply: Promise<Reply>): Promise<Reply | typeof CLOSE_ANYWAY> {
    for (let waited = timeoutMs; ; waited += timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), timeoutMs)));
      const first = await Promise.race([reply, slow]);
      clearTimeout(timer);
      if (first !== 'slow') return first;
      const answered = new AbortController();
      const choice = await Promise.race([dialogs.askWhenSlow(waited, answered.signal), reply.then(() => 'answered' as const)]);
      answered.abort();
      if (choice === 'close') return CLOSE_ANYWAY;
      if (choice === 'answered') return reply;
    }
  }

  /** True when the window may close. */
  async function decide(): Promise<boolean> {
    if (win.webContents.isCrashed()) return true;
    const ready = await patiently(ask('prepare'));
    if (ready === GONE || ready === CLOSE_ANYWAY || ready.kind === 'saved') return true;
    const choice = await dialogs.askToSave(ready.reason);
    if (choice !== 'save') return choice === 'discard';
    // Save as… waits for the person in its dialog, so no timeout here; cancelling it keeps the window open.
    const saved = await ask('save');
    return saved === GONE || saved.kind === 'saved';
  }

  win.on('close', (event) => {
    if (allowed) return;
    event.preventDefault();
    if (deciding) return; // a second click or Quit while the first close is being decided
    deciding = true;
    void decide()
      .catch((e: unknown) => {
        // A bug here must not trap the person in a window that cannot close.
        console.warn(`driftline: could not check for unsaved changes before closing (${String(e)})`);
        return true;
      })
      .then((close) => {
        deciding = false;
        const resumeQuit = quitting;
        quitting = false;
        if (!close || win.isDestroyed()) return;
        allowed = true;
        win.close();
        // Holding the close cancelled the Quit that caused it; carry it on now the window may go.
        if (resumeQuit) app?.quit();
      });
  });

  // Windows logging off or shutting down: hold the session's end while the same check runs.
  win.on('query-session-end', (event) => {
    event.preventDefault();
    win.close();
  });
}

/** The two questions as native message boxes, modal to the window. */
export function closeDialogs(dialog: Pick<Dialog, 'showMessageBox'>, win: BrowserWindow): CloseDialogs {
  const show = (options: MessageBoxOptions) => dialog.showMessageBox(win, { noLink: true, ...options });
  return {
    async askToSave(reason) {
      const { response } = await show({
        type: 'warning',
        message: 'Save changes to this investigation before closing?',
        detail: reason,
        buttons: ['Save…', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
      });
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
    },
    async askWhenSlow(waitedMs, signal) {
      const { response } = await show({
        type: 'warning',
        message: 'Driftline is still saving your changes',
        detail: `The window has not confirmed that your latest changes are written (waited ${Math.round(waitedMs / 1000)} s). If you close now, changes since the last save may be lost.`,
        buttons: ['Keep Waiting', 'Close Anyway'],
        defaultId: 0,
        cancelId: 0,
        signal,
      });
      return response === 1 ? 'close' : 'wait';
    },
  };
}
