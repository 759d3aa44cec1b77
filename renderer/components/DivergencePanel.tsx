// What went wrong, first: every divergence, believed vs actual side by side.
import { useAppState } from '../hooks/useAppState';
import { Panel } from './Panel';
import { DivergenceCard } from './DivergenceCard';
import { ClassificationBox } from './annotations/ClassificationBox';

export function DivergencePanel() {
  const analysis = useAppState((s) => s.analysis);
  const phase = useAppState((s) => s.phase);
  const list = analysis?.divergences ?? [];
  return (
    <Panel title={`Divergences (${list.length})`} testId="divergence-panel" flex="1 1 60%">
      <div className="body">
        {analysis && <ClassificationBox analysis={analysis} />}
        {list.map((d) => (
          <DivergenceCard key={d.id} d={d} />
        ))}
        {!list.length && <p className="muted">{phase === 'ready' ? 'No divergence found between what the agent knew and what production was.' : 'Analysing…'}</p>}
      </div>
    </Panel>
  );
}
