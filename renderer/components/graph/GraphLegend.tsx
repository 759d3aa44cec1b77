// What the graph's shapes and colours mean.
const ITEMS: [string, string, boolean?][] = [
  ['agent', 'var(--agent)'],
  ['person', 'var(--human)'],
  ['system', 'var(--system)'],
  ['error', 'var(--error)'],
  ['divergence', 'var(--divergence)'],
  ['most probable path', 'var(--accent)', true],
  ['believed (stale)', 'var(--believed)', true],
  ['actual state', 'var(--actual)', true],
];

export function GraphLegend() {
  return (
    <div className="legend" aria-label="Graph legend" data-testid="graph-legend">
      {ITEMS.map(([label, color, line]) => (
        <span key={label} className={line ? 'line' : ''} style={{ ['--c' as string]: color }}>
          {label}
        </span>
      ))}
      <span className="muted" style={{ ['--c' as string]: 'transparent' }}>×N = repeated events, click to expand</span>
    </div>
  );
}
