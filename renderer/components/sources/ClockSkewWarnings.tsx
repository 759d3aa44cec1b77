// Clock skew the analysis found between files sharing trace ids, each with a button that applies the
// suggested shift as the file's clock offset.
import { useState } from 'react';
import type { ClockSkew } from '../../../shared/analysis/types';
import { formatDuration } from '../../../shared/model/duration';
import type { SourceRow } from '../../queries/sources';

export function ClockSkewWarnings({ skews, sources, apply }: { skews: ClockSkew[]; sources: SourceRow[]; apply: (sourceId: number, offsetNs: bigint) => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  if (!skews.length) return null;
  return (
    <ul className="clock-skew" data-testid="clock-skew" aria-label="Clock skew">
      {skews.map((k) => {
        const src = sources.find((s) => s.path === k.source);
        const shift = BigInt(Math.round(k.shift_ms * 1e6));
        return (
          <li key={`${k.source}|${k.relative_to}`} role="status">
            <strong>Clock skew:</strong> {k.why}
            {src && (
              <>
                {' '}
                <button type="button" className="btn small" data-testid="apply-skew"
                  onClick={async () => setError(await apply(src.id, src.clockOffsetNs + shift))}>
                  Apply suggested offset ({formatDuration(shift)} to {k.source})
                </button>
              </>
            )}
          </li>
        );
      })}
      {error && <li role="alert" className="clock-error">The clock offset was not changed: {error}</li>}
    </ul>
  );
}
