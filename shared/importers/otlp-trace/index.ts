// OTLP/JSON traces, with OpenTelemetry GenAI agent and tool spans turned into agent steps.
import type { Importer } from '../types';
import { detectOtlpTrace } from './detect';
import { createOtlpTraceParser } from './parse';

export const otlpTrace: Importer = {
  id: 'otlp-trace',
  label: 'OTLP/JSON traces with GenAI and OpenInference agent spans',
  version: 2,
  mode: 'document',
  detect: (head) => detectOtlpTrace(head),
  createParser: () => createOtlpTraceParser(),
};
