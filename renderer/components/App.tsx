// The window: toolbar, notices, import progress, then either the empty state or the workspace.
import { ServicesContext, useServices, type AppServices } from '../state/context';
import { useAppState } from '../hooks/useAppState';
import { useShortcuts } from '../hooks/useShortcuts';
import { useTheme } from '../hooks/useTheme';
import { useDropFiles } from '../hooks/useDropFiles';
import { useViewHash } from '../hooks/useViewHash';
import { Toolbar } from './Toolbar';
import { EmptyState } from './EmptyState';
import { ImportProgressList } from './ImportProgressList';
import { Workspace } from './Workspace';
import { HelpOverlay } from './HelpOverlay';
import { SqlConsole } from './SqlConsole';
import { ExportDialog } from './ExportDialog';
import { PresentationHost } from './presentation/Presentation';
import { RestoreOffer } from './RestoreOffer';
import { useEffect } from 'react';
import { startAutosave } from '../state/autosaveService';
import { startCloseGuard } from '../state/closeGuard';

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesContext.Provider value={services}>
      <Shell />
    </ServicesContext.Provider>
  );
}

function Shell() {
  const services = useServices();
  useEffect(() => startAutosave(services), [services]);
  useEffect(() => startCloseGuard(services), [services]);
  useTheme();
  useShortcuts();
  useViewHash();
  const dragging = useDropFiles();
  const hasData = useAppState((s) => s.dataVersion > 0);
  const notice = useAppState((s) => s.notice);
  const helpOpen = useAppState((s) => s.helpOpen);
  const sqlOpen = useAppState((s) => s.sqlOpen);
  const exportOpen = useAppState((s) => s.exportOpen);
  return (
    <div className="app">
      <Toolbar />
      <div>
        {notice && (
          <div className="notice" role="alert" data-testid="notice">
            {notice}
          </div>
        )}
        <RestoreOffer />
        <ImportProgressList />
      </div>
      <main style={{ minHeight: 0, display: 'grid' }}>{hasData ? <Workspace /> : <EmptyState />}</main>
      {dragging && <div className="drop-overlay">Drop evidence files or folders to import them</div>}
      {helpOpen && <HelpOverlay />}
      {sqlOpen && hasData && <SqlConsole />}
      {exportOpen && hasData && <ExportDialog />}
      {hasData && <PresentationHost />}
    </div>
  );
}
