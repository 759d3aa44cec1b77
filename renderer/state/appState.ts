// Everything the views share: what was imported, the analysis, the selection, the filter, the theme.
import type { AnalysisV1 } from '../../shared/analysis/types';
import type { ImportProgress } from '../../shared/importers/types';
import type { ImportSummary } from '../engine/protocol';
import { Store } from './store';
import { DEFAULT_LAYOUT, type Layout } from './layout';
import type { LaneBy } from '../queries/lanes';

export type Phase = 'starting' | 'empty' | 'importing' | 'analyzing' | 'ready';
export type Theme = 'system' | 'light' | 'dark';

export interface FileProgress extends ImportProgress {
  done: boolean;
  cancelled: boolean;
  error?: string;
}

export interface EventFilter {
  text: string;
  actor: string;
  service: string;
  resource: string;
  kind: string;
  severity: string;
  /** Time range brushed on the swimlanes, UTC nanoseconds inclusive; null = unbounded. */
  from: bigint | null;
  to: bigint | null;
}

export const NO_FILTER: EventFilter = { text: '', actor: '', service: '', resource: '', kind: '', severity: '', from: null, to: null };

export interface AppState {
  phase: Phase;
  engineMs: number | null;
  progress: FileProgress[];
  imports: ImportSummary[];
  analysis: AnalysisV1 | null;
  /** Problem to show a person, in words, with what to do next. */
  notice: string | null;
  /** Bumped after every import so queries re-run. */
  dataVersion: number;
  selectedEventId: number | null;
  selectedDivergenceId: string | null;
  filter: EventFilter;
  /** What the timeline's swimlanes stand for: actors, services or resources. */
  laneBy: LaneBy;
  theme: Theme;
  /** Panel sizes, dragged or keyed on the splitters; kept in the URL hash and localStorage. */
  layout: Layout;
  helpOpen: boolean;
  sqlOpen: boolean;
  expandedClusters: ReadonlySet<string>;
  exportOpen: boolean;
  /** Where Save writes without asking (Electron; a browser always downloads). */
  savedPath: string | null;
  createdAt: string | null;
}

export const initialState: AppState = {
  phase: 'starting',
  engineMs: null,
  progress: [],
  imports: [],
  analysis: null,
  notice: null,
  dataVersion: 0,
  selectedEventId: null,
  selectedDivergenceId: null,
  filter: NO_FILTER,
  laneBy: 'actor',
  theme: 'system',
  layout: DEFAULT_LAYOUT,
  helpOpen: false,
  sqlOpen: false,
  expandedClusters: new Set(),
  exportOpen: false,
  savedPath: null,
  createdAt: null,
};

export type AppStore = Store<AppState>;
export const createAppStore = () => new Store<AppState>(initialState);
