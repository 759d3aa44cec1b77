// The close guard against a fake window, page and app: a close (or Quit) is held until the page has
// written what autosave had waiting, and the person is asked only when something would still be lost.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeDialogs, guardClose, type CloseDialogs } from '../../../main/services/closeGuard';
import { CLOSE_ANSWER_CHANNEL, CLOSE_REQUEST_CHANNEL, type CloseAnswer, type CloseStep } from '../../../shared/ipc/host';

type Page = (step: CloseStep) => Promise<unknown>;

/** Emits 'close' like Electron: the window goes only when no listener called preventDefault. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  crashed = false;
  requests: CloseStep[] = [];
  readonly webContents: EventEmitter & { send(channel: string, ...args: unknown[]): void; isCrashed(): boolean };
  constructor(ipc: EventEmitter, public page: Page) {
    super();
    const contents = new EventEmitter();
    this.webContents = Object.assign(contents, {
      send: (channel: string, id: unknown, step: CloseStep) => {
        expect(channel).toBe(CLOSE_REQUEST_CHANNEL);
        this.requests.push(step);
        void this.page(step).then((answer) => ipc.emit(CLOSE_ANSWER_CHANNEL, { sender: contents }, id, answer));
      },
      isCrashed: () => this.crashed,
    });
  }
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
}

const SAVED: CloseAnswer = { kind: 'saved' };
const NO_FILE: CloseAnswer = { kind: 'unsaved', reason: 'This investigation is not saved to a file yet.' };
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await tick();
  expect(cond()).toBe(true);
};

function setup(page: Page, answers: { save?: 'save' | 'discard' | 'cancel'; slow?: 'wait' | 'close' } = {}, timeoutMs = 10_000) {
  const ipc = new EventEmitter();
  const app = Object.assign(new EventEmitter(), { quits: 0, quit: () => app.quits++ });
  const win = new FakeWindow(ipc, page);
  const asked: string[] = [];
  const slowSignals: AbortSignal[] = [];
  const dialogs: CloseDialogs = {
    askToSave: async (reason) => {
      asked.push(`save? ${reason}`);
      return answers.save ?? 'cancel';
    },
    askWhenSlow: (waited, signal) => {
      asked.push(`slow ${waited}`);
      slowSignals.push(signal);
      // Like a message box: the answer comes from the person, or 'wait' (cancel) once the signal aborts.
      return new Promise((resolve) => {
        if (answers.slow) setTimeout(() => resolve(answers.slow!), 20);
        signal.addEventListener('abort', () => resolve('wait'));
      });
    },
  };
  guardClose(win, { ipc, dialogs, app, timeoutMs });
  return { win, ipc, app, asked, slowSignals };
}

describe('close guard', () => {
  it('closes at once when the page has nothing unsaved, asking nobody', async () => {
    const { win, asked } = setup(async () => SAVED);
    win.close();
    expect(win.destroyed).toBe(false); // held until the page answers
    await until(() => win.destroyed);
    expect(win.requests).toEqual(['prepare']);
    expect(asked).toEqual([]);
  });

  it('lets a pending autosave finish writing before the window goes', async () => {
    const log: string[] = [];
    const { win } = setup(async () => {
      log.push('flush');
      await tick(60); // the write of the change made a moment before closing
      log.push('written');
      return SAVED;
    });
    win.on('closed', () => log.push('closed'));
    win.close();
    await tick(20);
    expect(log).toEqual(['flush']);
    await until(() => win.destroyed);
    expect(log).toEqual(['flush', 'written', 'closed']);
  });

  it('asks "Save changes?" when work is in no file: Cancel keeps the window open', async () => {
    const { win, asked } = setup(async () => NO_FILE, { save: 'cancel' });
    win.close();
    await until(() => asked.length === 1);
    await tick(20);
    expect(asked).toEqual(['save? This investigation is not saved to a file yet.']);
    expect(win.destroyed).toBe(false);
    expect(win.requests).toEqual(['prepare']);
  });

  it("Don't Save closes without saving", async () => {
    const { win } = setup(async () => NO_FILE, { save: 'discard' });
    win.close();
    await until(() => win.destroyed);
    expect(win.requests).toEqual(['prepare']);
  });

  it('Save runs Save as… in the page and closes once it saved; a cancelled Save as… keeps the window open', async () => {
    const saved = setup(async (step) => (step === 'save' ? SAVED : NO_FILE), { save: 'save' });
    saved.win.close();
    await until(() => saved.win.destroyed);
    expect(saved.win.requests).toEqual(['prepare', 'save']);

    const cancelled = setup(async () => NO_FILE, { save: 'save' });
    cancelled.win.close();
    await until(() => cancelled.win.requests.length === 2);
    await tick(20);
    expect(cancelled.win.destroyed).toBe(false);
    // Closing again asks again: a held close is not stuck.
    cancelled.win.page = async () => SAVED;
    cancelled.win.close();
    await until(() => cancelled.win.destroyed);
  });

  it('a second close or Quit while the first is being decided does not ask twice', async () => {
    let release!: (a: CloseAnswer) => void;
    const { win } = setup(() => new Promise((r) => (release = r)));
    win.close();
    win.close();
    win.close();
    await tick(10);
    expect(win.requests).toEqual(['prepare']);
    release(SAVED);
    await until(() => win.destroyed);
  });

  it('a page that does not answer in time: the person may close anyway', async () => {
    const { win, asked } = setup(() => new Promise(() => undefined), { slow: 'close' }, 30);
    win.close();
    await until(() => win.destroyed);
    expect(asked).toEqual(['slow 30']);
  });

  it('keeps waiting for a slow save, and the question goes away when the page answers', async () => {
    let release!: (a: CloseAnswer) => void;
    const { win, asked, slowSignals } = setup(() => new Promise((r) => (release = r)), {}, 30);
    win.close();
    await until(() => asked.length === 1);
    expect(win.destroyed).toBe(false);
    release(SAVED);
    await until(() => win.destroyed);
    expect(slowSignals[0].aborted).toBe(true);
  });

  it('closes when the page is gone (crashed before or while answering)', async () => {
    const crashed = setup(async () => SAVED);
    crashed.win.crashed = true;
    crashed.win.close();
    await until(() => crashed.win.destroyed);
    expect(crashed.win.requests).toEqual([]);

    const dying = setup(() => new Promise(() => undefined));
    dying.win.close();
    await tick(10);
    dying.win.webContents.emit('render-process-gone');
    await until(() => dying.win.destroyed);
  });

  it('ignores answers from another page or to another request, and asks when an answer makes no sense', async () => {
    const { win, ipc, asked } = setup(() => new Promise(() => undefined), { save: 'cancel' });
    win.close();
    await tick(10);
    ipc.emit(CLOSE_ANSWER_CHANNEL, { sender: new EventEmitter() }, 1, SAVED);
    ipc.emit(CLOSE_ANSWER_CHANNEL, { sender: win.webContents }, 99, SAVED);
    await tick(20);
    expect(win.destroyed).toBe(false);
    ipc.emit(CLOSE_ANSWER_CHANNEL, { sender: win.webContents }, 1, { kind: 'fine, trust me' });
    await until(() => asked.length === 1);
    expect(asked[0]).toMatch(/does not understand/);
    expect(win.destroyed).toBe(false);
  });

  it('carries on a Quit once the window may close, and drops it when the person cancels', async () => {
    const quit = setup(async () => SAVED);
    quit.app.emit('before-quit');
    quit.win.close(); // Electron closes the windows after before-quit
    await until(() => quit.win.destroyed);
    expect(quit.app.quits).toBe(1);

    const cancelled = setup(async () => NO_FILE, { save: 'cancel' });
    cancelled.app.emit('before-quit');
    cancelled.win.close();
    await until(() => cancelled.asked.length === 1);
    await tick(20);
    expect(cancelled.app.quits).toBe(0);
    cancelled.win.page = async () => SAVED;
    cancelled.win.close(); // a later plain close is not a quit
    await until(() => cancelled.win.destroyed);
    expect(cancelled.app.quits).toBe(0);
  });

  it('holds a Windows log-off while the same check runs', async () => {
    const { win } = setup(async () => SAVED);
    let held = false;
    win.emit('query-session-end', { preventDefault: () => (held = true) });
    expect(held).toBe(true);
    await until(() => win.destroyed);
    expect(win.requests).toEqual(['prepare']);
  });

  it('stops listening for answers once the window is closed', async () => {
    const { win, ipc, app } = setup(async () => SAVED);
    expect(ipc.listenerCount(CLOSE_ANSWER_CHANNEL)).toBe(1);
    win.close();
    await until(() => win.destroyed);
    expect(ipc.listenerCount(CLOSE_ANSWER_CHANNEL)).toBe(0);
    expect(app.listenerCount('before-quit')).toBe(0);
  });
});

describe('close dialogs', () => {
  it('asks with Save… / Don\'t Save / Cancel, modal to the window, and maps the buttons', async () => {
    const shown: { win: unknown; options: Record<string, unknown> }[] = [];
    let response = 0;
    const dialog = { showMessageBox: async (win: unknown, options: Record<string, unknown>) => (shown.push({ win, options }), { response, checkboxChecked: false }) };
    const win = { id: 1 };
    const dialogs = closeDialogs(dialog as never, win as never);
    const choices = [];
    for (response = 0; response < 3; response++) choices.push(await dialogs.askToSave('Not in a file yet.'));
    expect(choices).toEqual(['save', 'discard', 'cancel']);
    expect(shown[0].win).toBe(win);
    expect(shown[0].options).toMatchObject({ message: 'Save changes to this investigation before closing?', detail: 'Not in a file yet.', buttons: ['Save…', "Don't Save", 'Cancel'], cancelId: 2 });

    const signal = new AbortController().signal;
    response = 1;
    expect(await dialogs.askWhenSlow(10_000, signal)).toBe('close');
    response = 0;
    expect(await dialogs.askWhenSlow(20_000, signal)).toBe('wait');
    expect(shown[4].options).toMatchObject({ buttons: ['Keep Waiting', 'Close Anyway'], cancelId: 0, signal });
    expect(String(shown[4].options.detail)).toContain('waited 20 s');
  });
});
