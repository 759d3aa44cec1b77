// A button for an action, its shortcut in the tooltip and accessible name.
import type { Action } from '../actions';
import { shortcutText } from '../actions/types';
import { useServices } from '../state/context';

export function ActionButton({ action, primary, testId, label }: { action: Action; primary?: boolean; testId?: string; label?: string }) {
  const services = useServices();
  const keys = shortcutText(action.shortcut);
  return (
    <button
      type="button"
      className={primary ? 'btn primary' : 'btn'}
      data-testid={testId}
      title={keys ? `${action.label} (${keys})` : action.label}
      aria-keyshortcuts={keys || undefined}
      onClick={() => void action.run(services)}
    >
      {label ?? action.label}
    </button>
  );
}
