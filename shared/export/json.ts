// `driftline.analysis/v1` plus the investigators' annotations (current state and full history),
// the redaction profile, and raw records where the profile keeps them.
import { effectiveClassification, foldAnnotations, overrideLine } from '../annotations/state';
import type { AnnotationVersion } from '../annotations/types';
import type { ExportInput, RedactionInfo } from './input';

const snake = (a: AnnotationVersion) => ({
  id: a.id, kind: a.kind, target_type: a.targetType, target_id: a.targetId, version: a.version, author: a.author, at: a.at,
  body_md: a.bodyMd, tags: a.tags, link_status: a.linkStatus, reason: a.reason, role: a.role, value: a.value, deleted: a.deleted,
});

/** The classification a reader should take, with the analysis' own beside it when an investigator overrode it. */
function classification(input: ExportInput) {
  const c = effectiveClassification(input.analysis.classification, foldAnnotations(input.annotations));
  return {
    class: c.cls,
    overridden: c.overriddenBy !== null,
    overridden_by: c.overriddenBy,
    overridden_at: c.overriddenAt,
    rationale: c.rationale,
    summary: overrideLine(c),
    analysis: c.original,
  };
}

export function toJson(input: ExportInput, redaction: RedactionInfo): string {
  const doc = {
    ...input.analysis,
    export: {
      generated_at: input.generatedAt,
      redaction: { profile: redaction.profile, description: redaction.description, secrets_masked: redaction.secretsMasked, people_replaced: redaction.peopleReplaced },
      investigation: input.investigation ? { sha256: input.investigation.sha256, saved_at: input.investigation.savedAt, app_version: input.investigation.appVersion } : null,
    },
    annotations: { classification: classification(input), current: input.annotations.map(snake), history: input.history.map(snake) },
    raw_records: input.raw.map((r) => ({ event_id: r.eventId, raw: r.raw })),
  };
  // `<`, `>` and `&` as \u escapes: still the same JSON, but inert if someone pastes it into HTML.
  return `${JSON.stringify(doc, null, 2).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
