import { describe, expect, it } from 'vitest';
import type { AnalysisV1 } from '../../../../shared/analysis/types';
import type { AnnotationVersion } from '../../../../shared/annotations';
import { parseIsoNanos } from '../../../../shared/model/time';
import { describeVersion, historyOf, linksOfEvent, noteWrite, parseManualTime, tagWrite } from '../../../../renderer/components/annotations/logic';

const version = (over: Partial<AnnotationVersion>): AnnotationVersion => ({
  id: 'note-1', kind: 'note', targetType: 'event', targetId: '7', version: 1, author: 'bob', at: '2026-11-27T10:30:00Z',
  bodyMd: 'first', tags: [], linkStatus: null, reason: '', role: null, value: '', deleted: false, ...over,
});

describe('noteWrite', () => {
  const target = { type: 'event' as const, id: '7' };
  it('adds a note only when something was typed', () => {
    expect(noteWrite(undefined, '   ', target)).toBeNull();
    expect(noteWrite(undefined, 'why?', target)).toEqual({ verb: 'addNote', target, bodyMd: 'why?' });
  });
  it('edits the existing note when the text changed, and writes nothing when it did not', () => {
    const note = version({});
    expect(noteWrite(note, 'first', target)).toBeNull();
    expect(noteWrite(note, 'second', target)).toEqual({ verb: 'editNote', id: 'note-1', bodyMd: 'second' });
    // Clearing a note is a change too: the empty text becomes a version, the old one stays in history.
    expect(noteWrite(note, '', target)).toEqual({ verb: 'editNote', id: 'note-1', bodyMd: '' });
  });
});

describe('tagWrite', () => {
  const target = { type: 'divergence' as const, id: 'd1' };
  it('versions the note with the new list, normalised, and writes nothing when the list is the same', () => {
    const note = version({ tags: ['stale-read'] });
    expect(tagWrite(note, ['stale-read', ' Human Change '], target, '')).toEqual({ verb: 'editNote', id: 'note-1', tags: ['stale-read', 'human-change'] });
    expect(tagWrite(note, ['Stale-Read', 'stale-read'], target, '')).toBeNull();
    expect(tagWrite(note, [], target, '')).toEqual({ verb: 'editNote', id: 'note-1', tags: [] });
  });
  it('starts a note (with what was typed so far) when the target has none', () => {
    expect(tagWrite(undefined, ['campaign'], target, 'half a thought')).toEqual({ verb: 'addNote', target, bodyMd: 'half a thought', tags: ['campaign'] });
    expect(tagWrite(undefined, ['  '], target, '')).toBeNull();
  });
  it('history lines show the tags of each version', () => {
    expect(describeVersion(version({ bodyMd: 'x', tags: ['a', 'b'] }))).toBe('x [a, b]');
  });
});

describe('parseManualTime', () => {
  const ref = parseIsoNanos('2026-11-27T10:00:05.123Z')!;
  it('puts HH:MM on the UTC day of the reference event', () => {
    expect(parseManualTime('10:21', ref)).toBe(parseIsoNanos('2026-11-27T10:21:00Z'));
    expect(parseManualTime(' 9:05:30 ', ref)).toBe(parseIsoNanos('2026-11-27T09:05:30Z'));
  });
  it('takes a full ISO time as written and refuses nonsense', () => {
    expect(parseManualTime('2026-11-28T01:02:03Z', ref)).toBe(parseIsoNanos('2026-11-28T01:02:03Z'));
    expect(parseManualTime('25:00', ref)).toBeNull();
    expect(parseManualTime('soon', ref)).toBeNull();
  });
});

describe('linksOfEvent', () => {
  const analysis = {
    chain: {
      nodes: [{ id: 'a', event_id: 1, label: 'look', ts: '', kind: 'x' }, { id: 'b', event_id: 2, label: 'scale', ts: '', kind: 'x' }, { id: 'c', event_id: 3, label: 'errors', ts: '', kind: 'x' }],
      edges: [{ from: 'a', to: 'b', kind: 'informed', confidence: 1, why: '', evidence: [] }, { from: 'b', to: 'c', kind: 'caused', confidence: 1, why: '', evidence: [] }],
    },
  } as unknown as AnalysisV1;
  it('lists the chain edges with an end on the event, named by linkId', () => {
    expect(linksOfEvent(analysis, 2).map((l) => [l.id, l.fromLabel, l.toLabel])).toEqual([['a->b', 'look', 'scale'], ['b->c', 'scale', 'errors']]);
    expect(linksOfEvent(analysis, 3).map((l) => l.id)).toEqual(['b->c']);
    expect(linksOfEvent(analysis, 99)).toEqual([]);
    expect(linksOfEvent(null, 2)).toEqual([]);
  });
});

describe('history', () => {
  it('lists one annotation newest first and describes each change', () => {
    const all = [version({}), version({ version: 2, bodyMd: 'second' }), version({ id: 'note-2' }),
      version({ id: 'link:a->b', kind: 'link_status', version: 1, linkStatus: 'confirmed', reason: 'audit shows it' })];
    expect(historyOf(all, 'note-1').map((v) => v.version)).toEqual([2, 1]);
    expect(describeVersion(all[3])).toBe('confirmed: audit shows it');
    expect(describeVersion(version({ deleted: true }))).toBe('deleted');
  });
});
