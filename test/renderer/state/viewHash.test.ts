import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../../renderer/state/viewHash';
import { NO_FILTER } from '../../../renderer/state/appState';

describe('view hash', () => {
  it('round-trips selection, divergence and search text, including characters that need escaping', () => {
    const hash = encodeView({ selectedEventId: 651, selectedDivergenceId: 'd1', filter: { ...NO_FILTER, text: '503 pool & "exhausted" #1' } });
    expect(decodeView(hash)).toEqual({ eventId: 651, divergenceId: 'd1', text: '503 pool & "exhausted" #1' });
  });

  it('is empty for the default view and ignores garbage', () => {
    expect(encodeView({ selectedEventId: null, selectedDivergenceId: null, filter: NO_FILTER })).toBe('');
    expect(decodeView('#e=abc&q=')).toEqual({ eventId: null, divergenceId: null, text: '' });
    expect(decodeView('')).toEqual({ eventId: null, divergenceId: null, text: '' });
  });
});
