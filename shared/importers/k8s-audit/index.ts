// Kubernetes API server audit log (audit.k8s.io/v1 and v1beta1 Event lines).
import type { Importer } from '../types';
import { detectK8sAudit } from './detect';
import { createK8sAuditParser } from './parse';

export const k8sAudit: Importer = {
  id: 'k8s-audit',
  label: 'Kubernetes audit log',
  version: 1,
  mode: 'lines',
  detect: (head) => detectK8sAudit(head),
  createParser: () => createK8sAuditParser(),
};
