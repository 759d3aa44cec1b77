import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../../renderer/state/viewHash';
import { NO_FILTER } from '../../../renderer/state/appState';
import { DEFAULT_LAYOUT, LIMITS } from '../../../renderer/state/layout';

describe('view hash', () => {
  it('round-trips selection, divergence and search text, including characters that need escaping', () => {
    const hash = encodeView({ selectedEventId: 651, selectedDivergenceId: 'd1', filter: { ...NO_FILTER, text: '503 pool & "exhausted" #1' } });
    expect(decodeView(hash)).toEqual({ eventId: 651, divergenceId: 'd1', text: '503 pool & "exhausted" #1', layout: null, laneBy: null });
  });

  it('is empty for the default view and ignores garbage', () => {
    expect(encodeView({ selectedEventId: null, selectedDivergenceId: null, filter: NO_FILTER })).toBe('');
    expect(encodeView({ selectedEventId: null, selectedDivergenceId: null, filter: NO_FILTER, layout: DEFAULT_LAYOUT })).toBe('');
    expect(decodeView('#e=abc&q=&l=1_2')).toEqual({ eventId: null, divergenceId: null, text: '', layout: null, laneBy: null });
    expect(decodeView('')).toEqual({ eventId: null, divergenceId: null, text: '', layout: null, laneBy: null });
  });

  it('keeps moved panel sizes, clamped to what the window allows', () => {
    const layout = { ...DEFAULT_LAYOUT, timeline: 62, left: 30.5 };
    const hash = encodeView({ selectedEventId: 7, selectedDivergenceId: null, filter: NO_FILTER, layout });
    expect(decodeView(hash)).toEqual({ eventId: 7, divergenceId: null, text: '', layout, laneBy: null });
    expect(decodeView('#l=99_0_50_60').layout).toEqual({ ...DEFAULT_LAYOUT, left: LIMITS.left.max, right: LIMITS.right.min });
  });

  it('keeps swimlanes by service or resource, and ignores a kind of lane it does not know', () => {
    expect(decodeView(encodeView({ selectedEventId: null, selectedDivergenceId: null, filter: NO_FILTER, laneBy: 'resource' })).laneBy).toBe('resource');
    expect(encodeView({ selectedEventId: null, selectedDivergenceId: null, filter: NO_FILTER, laneBy: 'actor' })).toBe('');
    expect(decodeView('#g=planet').laneBy).toBeNull();
  });
});
