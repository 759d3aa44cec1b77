// The view in the URL hash (#e=<event>&q=<search>&d=<divergence>&l=<panel sizes>&g=<lanes by>), so a view can be reopened
// or shared alongside the same evidence. Pure encode/decode; the hook wires it to the store.
import type { AppState } from './appState';
import { decodeLayout, encodeLayout, type Layout } from './layout';
import { LANE_BY, type LaneBy } from '../queries/lanes';

export interface ViewHash {
  eventId: number | null;
  divergenceId: string | null;
  text: string;
  /** Panel sizes, when the view had moved a splitter. */
  layout: Layout | null;
  /** Swimlanes by service or resource, when not by actor. */
  laneBy: LaneBy | null;
}

export function encodeView(s: Pick<AppState, 'selectedEventId' | 'selectedDivergenceId' | 'filter'> & Partial<Pick<AppState, 'layout' | 'laneBy'>>): string {
  const p = new URLSearchParams();
  if (s.selectedEventId !== null) p.set('e', String(s.selectedEventId));
  if (s.selectedDivergenceId) p.set('d', s.selectedDivergenceId);
  if (s.filter.text) p.set('q', s.filter.text);
  const layout = s.layout ? encodeLayout(s.layout) : '';
  if (layout) p.set('l', layout);
  if (s.laneBy && s.laneBy !== 'actor') p.set('g', s.laneBy);
  const text = p.toString();
  return text ? `#${text}` : '';
}

export function decodeView(hash: string): ViewHash {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const e = Number(p.get('e'));
  const g = p.get('g') as LaneBy | null;
  return { eventId: p.has('e') && Number.isInteger(e) && e > 0 ? e : null, divergenceId: p.get('d'), text: p.get('q') ?? '', layout: decodeLayout(p.get('l')), laneBy: g && LANE_BY.includes(g) ? g : null };
}
