// Export: pick a format and a redaction profile; the report is rendered in the engine and saved by the host.
import { useEffect, useRef, useState } from 'react';
import { exportReport } from '../actions';
import type { ExportFormat } from '../../shared/export/input';
import { PROFILES } from '../../shared/redaction';
import { useServices } from '../state/context';
import { svgToPng } from './exportPng';

/** What the dialog offers: the engine's formats plus PNG, which is the SVG rasterised here. */
type DialogFormat = ExportFormat | 'png';

const FORMATS: { id: DialogFormat; label: string; ext: string; mime: string }[] = [
  { id: 'md', label: 'Markdown postmortem', ext: 'md', mime: 'text/markdown' },
  { id: 'html', label: 'HTML report (self-contained)', ext: 'html', mime: 'text/html' },
  { id: 'json', label: 'Analysis JSON (driftline.analysis/v1)', ext: 'json', mime: 'application/json' },
  { id: 'svg', label: 'Graph image (SVG)', ext: 'svg', mime: 'image/svg+xml' },
  { id: 'png', label: 'Graph image (PNG)', ext: 'png', mime: 'image/png' },
  { id: 'csv', label: 'Timeline CSV', ext: 'csv', mime: 'text/csv' },
  { id: 'timesketch', label: 'Timesketch JSONL', ext: 'jsonl', mime: 'application/x-ndjson' },
];

export function ExportDialog() {
  const services = useServices();
  const [format, setFormat] = useState<DialogFormat>('md');
  const [profile, setProfile] = useState('standard');
  const [status, setStatus] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const close = () => void exportReport.run(services);
  const run = async () => {
    const f = FORMATS.find((x) => x.id === format)!;
    setStatus('Exporting…');
    try {
      const bytes = format === 'png'
        ? await svgToPng(await services.engine.export('svg', profile))
        : new TextEncoder().encode(await services.engine.export(format, profile));
      const name = format === 'png' || format === 'svg' ? `driftline-graph.${f.ext}` : `driftline-report.${f.ext}`;
      const saved = await services.host.documents.saveAs(name, bytes, [{ name: f.label, extensions: [f.ext] }]);
      setStatus(saved ? `Saved ${saved}` : 'Cancelled');
    } catch (e) {
      setStatus(`Export failed: ${(e as Error).message}`);
    }
  };
  return (
    <div className="overlay" onClick={close}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          close();
        }}>
        <h2 id="export-title">Export report</h2>
        <p>
          <label>
            Format{' '}
            <select ref={first} data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as DialogFormat)}>
              {FORMATS.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
            </select>
          </label>
        </p>
        <p>
          <label>
            Redaction{' '}
            <select data-testid="export-profile" value={profile} onChange={(e) => setProfile(e.target.value)}>
              {Object.values(PROFILES).map((p) => <option key={p.name} value={p.name}>{p.name}: {p.description}</option>)}
            </select>
          </label>
        </p>
        <p>
          <button type="button" className="btn primary" data-testid="export-run" onClick={() => void run()}>Export</button>{' '}
          <button type="button" className="btn" onClick={close}>Close</button>{' '}
          <span role="status" data-testid="export-status">{status}</span>
        </p>
      </div>
    </div>
  );
}
