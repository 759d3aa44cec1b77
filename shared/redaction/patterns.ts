// Secrets found in evidence, by pattern. Each match becomes `[REDACTED:<kind>]`; where a key names
// the secret (password=…, "token": "…"), the key stays so the reader knows what was there.

export interface SecretPattern {
  kind: string;
  re: RegExp;
  /** Replacement; `$1`… keep the non-secret context around the value. */
  replace: string;
}

const KEY = '[A-Za-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|token(?!s)|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|session[_-]?id|cookie)[A-Za-z0-9_.-]*';
/** Between key and value: optional closing quote (JSON, possibly escaped inside a JSON string), `:` or `=`, optional opening quote. */
const SEP = '(?:\\\\?["\'])?\\s*[:=]\\s*(?:\\\\?["\'])?';

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'private-key', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, replace: '[REDACTED:private-key]' },
  { kind: 'jwt', re: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, replace: '[REDACTED:jwt]' },
  { kind: 'bearer', re: /\b(Bearer|Basic|Token)(\s+)(?!\[REDACTED)[A-Za-z0-9\-._~+/]{6,}=*/gi, replace: '$1$2[REDACTED:token]' },
  { kind: 'aws-access-key', re: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}\b/g, replace: '[REDACTED:aws-access-key]' },
  { kind: 'aws-secret-key', re: new RegExp(`((?:aws_?secret_?access_?key|secret_?access_?key|SecretAccessKey)${SEP})[A-Za-z0-9/+=]{40}`, 'gi'), replace: '$1[REDACTED:aws-secret-key]' },
  { kind: 'github-token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})\b/g, replace: '[REDACTED:github-token]' },
  { kind: 'slack-token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: '[REDACTED:slack-token]' },
  { kind: 'google-api-key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: '[REDACTED:google-api-key]' },
  { kind: 'stripe-key', re: /\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}\b/g, replace: '[REDACTED:stripe-key]' },
  { kind: 'url-password', re: /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+(@)/gi, replace: '$1[REDACTED:password]$2' },
  { kind: 'keyed-secret', re: new RegExp(`(${KEY}${SEP})(?!\\[REDACTED)[^\\s"'\\\\,;&}\\]]+`, 'gi'), replace: '$1[REDACTED:secret]' },
];

/** Masks every secret in `text`; returns the new text and how many were masked. */
export function maskSecrets(text: string): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const p of SECRET_PATTERNS) {
    out = out.replace(p.re, (...args) => {
      count++;
      // Expand $1/$2 against this match's groups.
      return p.replace.replace(/\$(\d)/g, (_, i: string) => String(args[Number(i)] ?? ''));
    });
  }
  return { text: out, count };
}
