// Every shortcut, listed where a person looks for them (press ? to open and close).
import { useEffect, useRef } from 'react';
import { ACTIONS, showHelp } from '../actions';
import { shortcutText } from '../actions/types';
import { useServices } from '../state/context';

export function HelpOverlay() {
  const services = useServices();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay" onClick={() => void showHelp.run(services)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help-overlay"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          void showHelp.run(services);
        }}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {ACTIONS.filter((a) => a.shortcut).map((a) => (
              <tr key={a.id}>
                <td><kbd>{shortcutText(a.shortcut)}</kbd></td>
                <td>{a.label}</td>
              </tr>
            ))}
            <tr>
              <td><kbd>↑</kbd> <kbd>↓</kbd></td>
              <td>Previous / next event in the table</td>
            </tr>
          </tbody>
        </table>
        <p className="muted">Drop files or folders anywhere on the window to import them.</p>
        <button ref={close} type="button" className="btn" onClick={() => void showHelp.run(services)}>
          Close
        </button>
      </div>
    </div>
  );
}
