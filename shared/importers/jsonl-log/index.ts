// JSON-lines application logs (pino, bunyan, zap, logrus, winston, ECS and friends).
import type { Importer } from '../types';
import { detectJsonlLog } from './detect';
import { createJsonlLogParser } from './parse';

export const jsonlLog: Importer = {
  id: 'jsonl-log',
  label: 'JSON-lines application log',
  version: 1,
  mode: 'lines',
  parallelSafe: true,
  detect: (head) => detectJsonlLog(head),
  createParser: () => createJsonlLogParser(),
};
