// The top bar: the main verbs, the theme toggle, help.
import { exportReport, present, openEvidence, openInvestigation, openSample, saveInvestigation, showHelp, toggleSql, toggleTheme } from '../actions';
import { useAppState } from '../hooks/useAppState';
import { ActionButton } from './ActionButton';
import { SaveStatus } from './SaveStatus';

const THEME_LABEL = { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' } as const;

export function Toolbar() {
  const theme = useAppState((s) => s.theme);
  const hasData = useAppState((s) => s.dataVersion > 0);
  const phase = useAppState((s) => s.phase);
  return (
    <header className="toolbar" role="banner">
      <h1>Driftline</h1>
      <ActionButton action={openEvidence} testId="open-evidence" />
      <ActionButton action={openInvestigation} testId="open-investigation" label="Open investigation…" />
      {!hasData && <ActionButton action={openSample} testId="open-sample-toolbar" />}
      {hasData && <ActionButton action={saveInvestigation} testId="save" label="Save" />}
      {hasData && <ActionButton action={exportReport} testId="export" label="Export…" />}
      {hasData && <ActionButton action={present} testId="present" />}
      {hasData && <ActionButton action={toggleSql} testId="toggle-sql" />}
      {hasData && <SaveStatus />}
      <span className="spacer" />
      <span className="muted" aria-live="polite" data-testid="phase">
        {phase === 'starting' ? 'Starting engine…' : phase === 'importing' ? 'Importing…' : phase === 'analyzing' ? 'Analysing…' : ''}
      </span>
      <ActionButton action={toggleTheme} testId="theme-toggle" label={THEME_LABEL[theme]} />
      <ActionButton action={showHelp} testId="help" label="?" />
    </header>
  );
}
