// When to save: a change starts a short idle wait, but no change waits longer than `maxWaitMs` in all,
// and only one save ever runs at a time (a change during a save is saved by the next one).
// Pure: the clock and timers are passed in, so the timing rules are unit-tested without waiting.

export type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string; at: number };

export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Writes the current state; resolves false when it could not run now (e.g. an import is running). */
  save(): Promise<boolean>;
  /** Quiet time after the last change before saving. */
  idleMs: number;
  /** Longest a change may wait for its save to start, however often changes keep coming. */
  maxWaitMs: number;
  /** Wait before trying again after a failed save. */
  retryMs: number;
  timers: Timers;
  onState(state: SaveState): void;
}

export interface SaveScheduler {
  /** Something worth saving changed. */
  changed(): void;
  /** Whether autosave has somewhere to write; changes made while off wait for the first manual save. */
  setEnabled(on: boolean): void;
  /** Runs a manual save after any save in flight; what it saved counts as saved when it returns true. */
  exclusive(fn: () => Promise<boolean>): Promise<boolean>;
  /** The current state is what is on disk (just opened or just imported into an empty window). */
  markClean(): void;
  /** Saves now rather than after the wait (the window is being hidden or closed). */
  flush(): void;
  /** Resolves once no save is running or scheduled (used before closing and by tests). */
  idle(): Promise<void>;
  state(): SaveState;
  dispose(): void;
}

export function createSaveScheduler(opts: SchedulerOptions): SaveScheduler {
  const { timers } = opts;
  let changes = 0;
  let savedChanges = 0;
  /** When the oldest change not yet captured by a save happened; null when none is waiting. */
  let waitingSince: number | null = null;
  let lastChange = 0;
  let timer: unknown = null;
  let running: Promise<unknown> | null = null;
  let enabled = false;
  let disposed = false;
  /** A flush arrived during a save: the next save starts as soon as this one ends. */
  let urgent = false;
  let current: SaveState = { kind: 'clean' };

  const set = (s: SaveState) => {
    current = s;
    opts.onState(s);
  };
  const dirty = () => changes > savedChanges;
  const cancelTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };

  function schedule(delay?: number) {
    cancelTimer();
    if (!enabled || disposed || !dirty()) return;
    const now = timers.now();
    const since = waitingSince ?? now;
    const due = delay !== undefined ? now + delay : Math.min(lastChange + opts.idleMs, since + opts.maxWaitMs);
    timer = timers.set(() => {
      timer = null;
      void run();
    }, Math.max(0, due - now));
  }

  /** One save; anything that arrives meanwhile schedules the next one when this one ends. */
  async function run(): Promise<void> {
    if (running) return; // the save in flight reschedules when it ends
    if (!dirty() || !enabled || disposed) return;
    const target = changes;
    const since = waitingSince;
    waitingSince = null;
    set({ kind: 'saving' });
    let retryAfter: number | undefined;
    const attempt = opts.save().then(
      (done) => {
        if (done) {
          savedChanges = Math.max(savedChanges, target);
          set(dirty() ? { kind: 'dirty' } : { kind: 'saved', at: timers.now() });
        } else {
          waitingSince = since ?? timers.now();
          set({ kind: 'dirty' });
          retryAfter = opts.idleMs;
        }
      },
      (e: unknown) => {
        waitingSince = since ?? timers.now();
        set({ kind: 'error', message: e instanceof Error ? e.message : String(e), at: timers.now() });
        retryAfter = opts.retryMs;
      },
    );
    running = attempt;
    await attempt;
    running = null;
    // Changes during the save keep their own deadline; a failure waits before trying again.
    const failedAlone = retryAfter !== undefined && waitingSince !== null && changes === target;
    const now = urgent && !failedAlone;
    urgent = false;
    if (dirty()) schedule(failedAlone ? retryAfter : now ? 0 : undefined);
  }

  return {
    changed() {
      if (disposed) return;
      changes++;
      lastChange = timers.now();
      waitingSince ??= lastChange;
      if (current.kind !== 'saving' && current.kind !== 'error') set({ kind: 'dirty' });
      if (!running) schedule();
    },
    setEnabled(on) {
      enabled = on;
      if (on) schedule();
      else cancelTimer();
    },
    async exclusive(fn) {
      while (running) await running;
      cancelTimer();
      const target = changes;
      const before = current;
      set({ kind: 'saving' });
      running = fn();
      let ok = false;
      try {
        ok = (await running) === true;
      } catch (e) {
        running = null;
        set({ kind: 'error', message: e instanceof Error ? e.message : String(e), at: timers.now() });
        schedule(opts.retryMs);
        throw e;
      }
      running = null;
      if (ok) {
        savedChanges = Math.max(savedChanges, target);
        if (!dirty()) waitingSince = null;
      }
      set(dirty() ? { kind: 'dirty' } : ok ? { kind: 'saved', at: timers.now() } : before);
      schedule();
      return ok;
    },
    flush() {
      if (running) {
        urgent = true;
        return;
      }
      if (dirty()) schedule(0);
    },
    markClean() {
      cancelTimer();
      savedChanges = changes;
      waitingSince = null;
      set({ kind: 'clean' });
    },
    async idle() {
      while (running || timer !== null) {
        if (running) await running;
        else await new Promise<void>((r) => timers.set(r, 10));
      }
    },
    state: () => current,
    dispose() {
      disposed = true;
      cancelTimer();
    },
  };
}
