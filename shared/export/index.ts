// Exports: pure functions from a (redacted) ExportInput to the bytes of one file.
import { redactInput } from '../redaction/redact';
import { toCsv } from './csv';
import { toHtml } from './html';
import type { ExportFormat, ExportInput, RedactionInfo } from './input';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toSvg } from './svg';
import { toTimesketch } from './timesketch';

export * from './input';
export { loadExportInput, citedEventIds, type LoadOptions } from './load';

const RENDERERS: Record<ExportFormat, (input: ExportInput, redaction: RedactionInfo) => string> = {
  md: toMarkdown,
  json: toJson,
  html: toHtml,
  svg: toSvg,
  csv: toCsv,
  timesketch: toTimesketch,
};

/** Redacts with `profile`, then renders: no export can skip redaction. */
export function exportAs(format: ExportFormat, input: ExportInput, profile: string): string {
  const render = RENDERERS[format];
  if (!render) throw new Error(`Unknown export format "${format}"`);
  const { input: redacted, info } = redactInput(input, profile);
  return render(redacted, info);
}

export { toCsv, toHtml, toJson, toMarkdown, toSvg, toTimesketch };
export { buildPresentation, type Presentation, type Slide } from './presentation';
