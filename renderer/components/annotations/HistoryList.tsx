// Every version of one annotation, newest first: author, time, version. History is append-only.
import type { AnnotationVersion } from '../../../shared/annotations';
import { describeVersion } from './logic';

export function HistoryList({ versions }: { versions: AnnotationVersion[] }) {
  if (!versions.length) return null;
  return (
    <details className="history" data-testid="history">
      <summary>History ({versions.length})</summary>
      <ol>
        {versions.map((v) => (
          <li key={v.version} data-testid="history-entry" data-version={v.version}>
            <span className="mono">v{v.version}</span> · <span data-testid="history-author">{v.author}</span> · <time dateTime={v.at}>{v.at.replace('T', ' ').slice(0, 19)}</time>
            <div className="annotation-text">{describeVersion(v)}</div>
          </li>
        ))}
      </ol>
    </details>
  );
}
