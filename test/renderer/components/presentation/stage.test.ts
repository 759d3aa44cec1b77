import { describe, expect, it } from 'vitest';
import { focusNodeIds, stripLayout, stripWindow } from '../../../../renderer/components/presentation/stage';
import { parseIsoNanos } from '../../../../shared/model/time';

const ns = (iso: string) => parseIsoNanos(iso)!;
const focus = (from: string, to: string, eventIds: number[] = [1, 2]) => ({ from, to, eventIds, nodeIds: [], linkId: 'a->b' });

describe('stripWindow', () => {
  const whole = { from: ns('2026-11-27T09:59:00Z'), to: ns('2026-11-27T10:15:00Z') };
  it('shows the whole incident on title and closing slides', () => {
    expect(stripWindow(null, whole)).toEqual(whole);
  });
  it('pads a step by half its span on each side', () => {
    expect(stripWindow(focus('2026-11-27T10:00:05Z', '2026-11-27T10:07:00Z'), whole)).toEqual({
      from: ns('2026-11-27T09:56:37.500Z'), to: ns('2026-11-27T10:10:27.500Z'),
    });
  });
  it('gives an instantaneous step 30 s of context on each side, whatever order the ends come in', () => {
    expect(stripWindow(focus('2026-11-27T10:07:32Z', '2026-11-27T10:07:31Z'), whole)).toEqual({
      from: ns('2026-11-27T10:07:01Z'), to: ns('2026-11-27T10:08:02Z'),
    });
  });
});

describe('focusNodeIds', () => {
  const nodes = [
    { id: 'e:1', nodeKind: 'event', eventId: 1, members: [1] },
    { id: 'c:9', nodeKind: 'cluster', eventId: 5, members: [5, 2, 6] },
    { id: 'e:3', nodeKind: 'event', eventId: 3, members: [3] },
    { id: 'd:div-1', nodeKind: 'divergence', eventId: 1, members: [] },
    { id: 'd:div-2', nodeKind: 'divergence', eventId: 3, members: [] },
  ];
  it('finds the step\'s events, the clusters that hold them, and the divergences on them', () => {
    expect(focusNodeIds(nodes, [1, 2])).toEqual(['e:1', 'c:9', 'd:div-1']);
    expect(focusNodeIds(nodes, [])).toEqual([]);
  });
});

describe('stripLayout', () => {
  const win = { from: 0n, to: 1000n };
  const ev = (id: number, ts: bigint, actor: string) => ({ id, ts, actor, severity: 'info' });
  it('places events by time across the width, one lane per actor', () => {
    const l = stripLayout([ev(1, 0n, 'a'), ev(2, 500n, 'b'), ev(3, 1000n, 'a')], win, [2], 200);
    expect(l.lanes).toEqual(['b', 'a']);
    expect(l.marks).toEqual([
      { id: 1, x: 0, lane: 1, focus: false, severity: 'info' },
      { id: 2, x: 100, lane: 0, focus: true, severity: 'info' },
      { id: 3, x: 200, lane: 1, focus: false, severity: 'info' },
    ]);
  });
  it('puts actors beyond the lane budget on a shared "others" lane, never the step\'s own', () => {
    const events = ['a', 'b', 'c', 'd'].map((actor, i) => ev(i, BigInt(i * 100), actor));
    const l = stripLayout(events, win, [3], 100, 3);
    expect(l.lanes).toEqual(['d', 'a', 'others']);
    expect(l.marks.find((m) => m.id === 3)!.lane).toBe(0);
    expect(l.marks.filter((m) => m.lane === 2).map((m) => m.id)).toEqual([1, 2]);
  });
});
