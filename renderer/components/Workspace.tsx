// The investigation: findings and sources on the left, time in the middle, evidence on the right.
import { DivergencePanel } from './DivergencePanel';
import { SourcesPanel } from './SourcesPanel';
import { Timeline } from './timeline/Timeline';
import { CausalGraph } from './graph/CausalGraph';
import { Inspector } from './Inspector';

export function Workspace() {
  return (
    <div className="workspace">
      <div className="col">
        <DivergencePanel />
        <SourcesPanel />
      </div>
      <div className="col">
        <Timeline />
        <CausalGraph />
      </div>
      <div className="col">
        <Inspector />
      </div>
    </div>
  );
}
