// The investigation: findings and sources on the left, time in the middle, evidence on the right, with
// splitters between them whose sizes live in the app state (and so in the URL hash and localStorage).
import { useEffect, useMemo } from 'react';
import { DivergencePanel } from './DivergencePanel';
import { SourcesPanel } from './SourcesPanel';
import { Timeline } from './timeline/Timeline';
import { CausalGraph } from './graph/CausalGraph';
import { Inspector } from './Inspector';
import { Splitter } from './Splitter';
import { useAppState } from '../hooks/useAppState';
import { useServices } from '../state/context';
import { DEFAULT_LAYOUT, decodeLayout, encodeLayout, sameLayout } from '../state/layout';

const STORAGE_KEY = 'driftline.layout';

export function Workspace() {
  const { store } = useServices();
  const layout = useAppState((s) => s.layout);
  // Created once: moving a splitter re-renders this grid, never the panels inside it.
  const panels = useMemo(
    () => ({ divergences: <DivergencePanel />, sources: <SourcesPanel />, timeline: <Timeline />, graph: <CausalGraph />, inspector: <Inspector /> }),
    [],
  );

  // The sizes this person last used, unless the URL brings its own (restored later, once evidence is ready).
  useEffect(() => {
    const saved = decodeLayout(readStorage());
    if (saved && sameLayout(store.get().layout, DEFAULT_LAYOUT)) store.set({ layout: saved });
  }, [store]);
  useEffect(() => writeStorage(encodeLayout(layout)), [layout]);

  return (
    <div className="workspace" style={{ gridTemplateColumns: `minmax(240px, ${layout.left}%) auto minmax(0, 1fr) auto minmax(200px, ${layout.right}%)` }}>
      <div className="col" id="col-left">
        <div className="pane" id="pane-divergences" style={{ flexBasis: `${layout.divergences}%` }}>{panels.divergences}</div>
        <Splitter size="divergences" orientation="horizontal" side="start" label="Resize divergences and sources" controls="pane-divergences" />
        <div className="pane grow">{panels.sources}</div>
      </div>
      <Splitter size="left" orientation="vertical" side="start" label="Resize the findings column" controls="col-left" />
      <div className="col">
        <div className="pane" id="pane-timeline" style={{ flexBasis: `${layout.timeline}%` }}>{panels.timeline}</div>
        <Splitter size="timeline" orientation="horizontal" side="start" label="Resize timeline and causal graph" controls="pane-timeline" />
        <div className="pane grow">{panels.graph}</div>
      </div>
      <Splitter size="right" orientation="vertical" side="end" label="Resize the inspector column" controls="col-right" />
      <div className="col" id="col-right">
        {panels.inspector}
      </div>
    </div>
  );
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; the default layout is fine then
  }
}

function writeStorage(value: string) {
  try {
    if (value) localStorage.setItem(STORAGE_KEY, value);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // not persisted across restarts, still kept in the URL hash
  }
}
