// Kubernetes audit log: audit.k8s.io Event objects, one per line.
import { headLines } from '../common/json';

export function detectK8sAudit(head: string): number {
  const lines = headLines(head, 20);
  if (!lines.length) return 0;
  let hits = 0;
  for (const l of lines) {
    if (/"apiVersion"\s*:\s*"audit\.k8s\.io\//.test(l) || (/"auditID"\s*:/.test(l) && /"verb"\s*:/.test(l) && /"stage"\s*:/.test(l))) hits++;
  }
  return hits === 0 ? 0 : 0.6 + 0.39 * (hits / lines.length);
}
