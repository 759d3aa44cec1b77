// The timeline under the graph, over the step's time window (the whole incident on title and closing
// slides): one lane per actor, the step's events large and labelled.
import { useMemo } from 'react';
import type { Slide } from '../../../shared/export/presentation';
import { toIso } from '../../../shared/model/time';
import { useQuery } from '../../hooks/useQuery';
import { stripLayout, stripWindow, type StripEvent, type TimeWindow } from './stage';

const W = 1000;
const LANE_H = 22;
const TOP = 8;
const LEFT = 120;
const clock = (ns: bigint) => toIso(ns).slice(11, 19);

export function TimelineStrip({ slide, whole }: { slide: Slide | undefined; whole: TimeWindow | null }) {
  const win = stripWindow(slide?.focus ?? null, whole);
  const { data } = useQuery(
    (e) => (win
      ? e.query<StripEvent & Record<string, unknown>>('present.strip', 'SELECT id, ts, actor, severity FROM events WHERE ts BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT) ORDER BY ts, id LIMIT 3000', [String(win.from), String(win.to)])
      : Promise.resolve([])),
    [win?.from, win?.to],
  );
  const focus = slide?.focus?.eventIds ?? [];
  const layout = useMemo(() => (win && data ? stripLayout(data.map((r) => ({ ...r, id: Number(r.id), ts: BigInt(r.ts) })), win, focus, W - LEFT - 10) : null), [data, win?.from, win?.to, focus.join(',')]);
  if (!win) return null;
  const height = TOP * 2 + (layout?.lanes.length ?? 1) * LANE_H + 16;
  return (
    <figure className="timeline-strip" data-testid="timeline-strip" data-from={toIso(win.from)} data-to={toIso(win.to)}>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`Timeline from ${clock(win.from)} to ${clock(win.to)} UTC${focus.length ? ', this step\'s events highlighted' : ''}`}>
        {layout?.lanes.map((name, i) => (
          <g key={i}>
            <line x1={LEFT} x2={W - 10} y1={TOP + i * LANE_H + LANE_H / 2} y2={TOP + i * LANE_H + LANE_H / 2} className="strip-lane" />
            <text x={LEFT - 6} y={TOP + i * LANE_H + LANE_H / 2 + 4} textAnchor="end" className="strip-label">{name.length > 16 ? `${name.slice(0, 15)}…` : name}</text>
          </g>
        ))}
        {layout?.marks.filter((m) => !m.focus).map((m) => (
          <circle key={m.id} cx={LEFT + m.x} cy={TOP + m.lane * LANE_H + LANE_H / 2} r={3} className={`strip-mark sev-${m.severity}`} />
        ))}
        {layout?.marks.filter((m) => m.focus).map((m) => (
          <circle key={m.id} cx={LEFT + m.x} cy={TOP + m.lane * LANE_H + LANE_H / 2} r={8} className="strip-focus" data-testid="strip-focus" data-event-id={m.id} />
        ))}
        <text x={LEFT} y={height - 4} className="strip-label">{clock(win.from)}</text>
        <text x={W - 10} y={height - 4} textAnchor="end" className="strip-label">{clock(win.to)} UTC</text>
      </svg>
    </figure>
  );
}
