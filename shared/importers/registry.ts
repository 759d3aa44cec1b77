// Every evidence format Driftline reads; adding one touches its folder and one line here.
import type { Importer } from './types';
import { jsonlLog } from './jsonl-log';
import { k8sAudit } from './k8s-audit';
import { otlpTrace } from './otlp-trace';
import { zipkin } from './zipkin';
import { jaeger } from './jaeger';
import { syslog } from './syslog';
import { criLog } from './cri-log';
import { textLog } from './text-log';
import { cloudTrail } from './cloudtrail';
import { azureActivity } from './azure-activity';
import { gcpAudit } from './gcp-audit';
import { otlpLog } from './otlp-log';
import { k8sEvents } from './k8s-events';
import { alertmanager } from './alertmanager';
import { claudeCode } from './transcript/claudeCode';
import { chatArray } from './transcript/chatArray';
import { codexRollout } from './transcript/codexRollout';
import { responsesApi } from './transcript/responsesApi';
import { openHands } from './transcript/openhands';
import { sweAgent } from './transcript/sweAgent';
import { logfmt } from './logfmt';
import { csv } from './csv';

export const IMPORTERS: readonly Importer[] = [k8sAudit, k8sEvents, otlpTrace, otlpLog, alertmanager, zipkin, jaeger, cloudTrail, azureActivity, gcpAudit, claudeCode, codexRollout, openHands, sweAgent, responsesApi, chatArray, jsonlLog, syslog, criLog, logfmt, csv, textLog];

/** Below this, a file is refused rather than misread. */
export const MIN_CONFIDENCE = 0.3;

export interface Detection {
  importer: Importer | undefined;
  confidence: number;
  /** Every importer's score, best first, for error messages and debugging. */
  scores: { id: string; confidence: number }[];
}

export function detectFormat(head: string, name: string): Detection {
  const scores = IMPORTERS.map((imp) => {
    let confidence = 0;
    try {
      confidence = imp.detect(head, name);
    } catch {
      // A detector must never break detection for the others.
    }
    return { imp, confidence };
  }).sort((a, b) => b.confidence - a.confidence);
  const best = scores[0];
  return {
    importer: best && best.confidence >= MIN_CONFIDENCE ? best.imp : undefined,
    confidence: best?.confidence ?? 0,
    scores: scores.map((s) => ({ id: s.imp.id, confidence: s.confidence })),
  };
}

export function importerById(id: string): Importer | undefined {
  return IMPORTERS.find((i) => i.id === id);
}

export const supportedFormats = () => IMPORTERS.map((i) => `${i.label} (${i.id})`).join(', ');
