import { describe, expect, it } from 'vitest';
import { createSaveScheduler, type SaveState, type Timers } from '../../../renderer/state/autosave';

/** A hand-driven clock: timers fire only when the test advances time. */
function manualClock() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    set(fn, ms) {
      const id = next++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (h) => void due.delete(h as number),
  };
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const [id, t] = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || t!.at > end) break;
      due.delete(id);
      now = t!.at;
      t!.fn();
      await flush();
    }
    now = end;
    await flush();
  }
  return { timers, advance, flush, now: () => now };
}

/** A save whose completion the test controls; records when each save started. */
function controlledSaves(clock: { now(): number }) {
  const starts: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: { resolve: (ok: boolean) => void; reject: (e: Error) => void }[] = [];
  const save = () => {
    starts.push(clock.now());
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<boolean>((resolve, reject) => pending.push({
      resolve: (ok) => { inFlight--; resolve(ok); },
      reject: (e) => { inFlight--; reject(e); },
    }));
  };
  return { save, starts, pending, maxInFlight: () => maxInFlight };
}

function setup(opts: { enabled?: boolean } = {}) {
  const clock = manualClock();
  const saves = controlledSaves(clock);
  const states: SaveState[] = [];
  const s = createSaveScheduler({ save: saves.save, idleMs: 500, maxWaitMs: 1500, retryMs: 5000, timers: clock.timers, onState: (x) => states.push(x) });
  s.setEnabled(opts.enabled ?? true);
  return { clock, saves, states, s };
}

describe('autosave scheduler', () => {
  it('saves once after a quiet half second, not on every change', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    await clock.advance(200);
    s.changed();
    await clock.advance(200);
    s.changed();
    expect(s.state().kind).toBe('dirty');
    await clock.advance(499);
    expect(saves.starts).toEqual([]);
    await clock.advance(1);
    expect(saves.starts).toEqual([900]);
    expect(s.state().kind).toBe('saving');
    saves.pending[0].resolve(true);
    await clock.flush();
    expect(s.state()).toEqual({ kind: 'saved', at: 900 });
  });

  it('starts a save within maxWait of the first change even when changes never pause', async () => {
    const { clock, saves, s } = setup();
    for (let t = 0; t < 3000; t += 100) {
      s.changed();
      await clock.advance(100);
    }
    // Never idle for 500 ms, yet the first save started 1500 ms after the first change.
    expect(saves.starts[0]).toBe(1500);
  });

  it('never runs two saves at once: a change during a save is saved by the next one', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    await clock.advance(500);
    expect(saves.starts).toEqual([500]);
    s.changed(); // arrives while the first save is still writing
    await clock.advance(3000);
    expect(saves.starts).toEqual([500]);
    saves.pending[0].resolve(true);
    await clock.flush();
    // The first save did not include the second change.
    expect(s.state().kind).not.toBe('saved');
    // The second change has waited since 1000 ms (> maxWait), so the next save starts at once.
    await clock.advance(0);
    expect(saves.starts).toEqual([500, 3500]);
    saves.pending[1].resolve(true);
    await clock.flush();
    expect(s.state().kind).toBe('saved');
    expect(saves.maxInFlight()).toBe(1);
  });

  it('a timer that fires during a save (re-enabled meanwhile) does not start a second save', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    await clock.advance(500);
    s.changed();
    s.setEnabled(true); // e.g. Save As chose a new path while the autosave was writing
    await clock.advance(3000);
    expect(saves.starts).toEqual([500]);
    expect(saves.maxInFlight()).toBe(1);
  });

  it('a failed save is reported in words, keeps the change, and is retried later', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    await clock.advance(500);
    saves.pending[0].reject(new Error('disk full'));
    await clock.flush();
    expect(s.state()).toMatchObject({ kind: 'error', message: 'disk full' });
    await clock.advance(4999);
    expect(saves.starts).toHaveLength(1);
    await clock.advance(1);
    expect(saves.starts).toEqual([500, 5500]);
    saves.pending[1].resolve(true);
    await clock.flush();
    expect(s.state().kind).toBe('saved');
  });

  it('waits, without an error, while the save cannot run yet', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    await clock.advance(500);
    saves.pending[0].resolve(false);
    await clock.flush();
    expect(s.state().kind).toBe('dirty');
    await clock.advance(500);
    expect(saves.starts).toEqual([500, 1000]);
  });

  it('does nothing until there is somewhere to save, then saves what waited', async () => {
    const { clock, saves, s } = setup({ enabled: false });
    s.changed();
    await clock.advance(5000);
    expect(saves.starts).toEqual([]);
    expect(s.state().kind).toBe('dirty');
    s.setEnabled(true);
    await clock.advance(0);
    expect(saves.starts).toEqual([5000]);
  });

  it('a manual save waits for the autosave in flight and counts as saving every change before it', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    await clock.advance(500);
    s.changed();
    let manualStarted = false;
    const manual = s.exclusive(async () => {
      manualStarted = true;
      return true;
    });
    await clock.flush();
    expect(manualStarted).toBe(false);
    saves.pending[0].resolve(true);
    expect(await manual).toBe(true);
    expect(manualStarted).toBe(true);
    expect(s.state().kind).toBe('saved');
    await clock.advance(5000);
    expect(saves.starts).toEqual([500]);
  });

  it('a cancelled manual save leaves the changes unsaved', async () => {
    const { clock, saves, s } = setup({ enabled: false });
    s.changed();
    expect(await s.exclusive(async () => false)).toBe(false);
    expect(s.state().kind).toBe('dirty');
    await clock.advance(5000);
    expect(saves.starts).toEqual([]);
  });

  it('flush saves at once, and right after a save in flight when it arrives during one', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    s.flush();
    await clock.advance(0);
    expect(saves.starts).toEqual([0]);
    s.changed();
    s.flush(); // during the first save
    saves.pending[0].resolve(true);
    await clock.flush();
    await clock.advance(0);
    expect(saves.starts).toEqual([0, 0]);
  });

  it('markClean (just opened) drops the pending save', async () => {
    const { clock, saves, s } = setup();
    s.changed();
    s.markClean();
    await clock.advance(5000);
    expect(saves.starts).toEqual([]);
    expect(s.state().kind).toBe('clean');
  });
});
