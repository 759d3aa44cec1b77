// Durations as people type them ("+2.5 s", "-300ms", "1h 30m", ISO-8601 "PT2.5S"), to and from exact
// nanoseconds, for clock offsets. A bare number means milliseconds, as `--clock-offset PATH=MS` always has.

export type DurationResult = { ok: true; ns: bigint } | { ok: false; error: string };

const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n, µs: 1_000n, μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n, sec: 1_000_000_000n, secs: 1_000_000_000n, second: 1_000_000_000n, seconds: 1_000_000_000n,
  m: 60_000_000_000n, min: 60_000_000_000n, mins: 60_000_000_000n, minute: 60_000_000_000n, minutes: 60_000_000_000n,
  h: 3_600_000_000_000n, hr: 3_600_000_000_000n, hrs: 3_600_000_000_000n, hour: 3_600_000_000_000n, hours: 3_600_000_000_000n,
  d: 86_400_000_000_000n, day: 86_400_000_000_000n, days: 86_400_000_000_000n,
};

const HINT = 'Write it like "+2.5 s", "-300 ms", "1h 30m" or "PT2.5S".';
const NUMBER = /^(\d+)(?:[.,](\d+))?$/;
const PART = /(\d+(?:[.,]\d+)?)\s*([a-zµμ]*)/gy;
const ISO = /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

/** `digits[.frac]` × unit, exactly, rounding below a nanosecond to the nearest. */
function scaled(number: string, unit: bigint): bigint {
  const m = NUMBER.exec(number);
  if (!m) throw new Error(`"${number}" is not a number`);
  const [, whole, frac = ''] = m;
  const denom = 10n ** BigInt(frac.length);
  return BigInt(whole) * unit + (BigInt(frac || '0') * unit + denom / 2n) / denom;
}

export function parseDuration(text: string): DurationResult {
  let t = text.trim().replace(/\s+/g, ' ');
  if (!t) return { ok: false, error: `The duration is empty. ${HINT}` };
  let sign = 1n;
  if (t[0] === '+' || t[0] === '-' || t[0] === '−') {
    if (t[0] !== '+') sign = -1n;
    t = t.slice(1).trim();
  }
  if (/^p/i.test(t)) return iso(t, sign, text);
  if (NUMBER.test(t)) return { ok: true, ns: sign * scaled(t, UNIT_NS.ms) };
  const lower = t.toLowerCase();
  let total = 0n;
  let at = 0;
  PART.lastIndex = 0;
  while (at < lower.length) {
    PART.lastIndex = at;
    const m = PART.exec(lower);
    if (!m || m[0].length === 0) return { ok: false, error: `Cannot read "${text}" as a duration. ${HINT}` };
    const unit = UNIT_NS[m[2]];
    if (unit === undefined) {
      const why = m[2] ? `"${m[2]}" is not a unit I know (use ns, µs, ms, s, m, h or d)` : `"${m[1]}" needs a unit`;
      return { ok: false, error: `Cannot read "${text}" as a duration: ${why}. ${HINT}` };
    }
    total += scaled(m[1], unit);
    at = PART.lastIndex;
    while (lower[at] === ' ') at++;
  }
  return { ok: true, ns: sign * total };
}

function iso(t: string, sign: bigint, text: string): DurationResult {
  if (/[YM]/i.test(t.split(/T/i)[0])) {
    return { ok: false, error: `"${text}" uses years or months, whose length varies; give days, hours, minutes or seconds.` };
  }
  const m = ISO.exec(t);
  if (!m || t.length < 3 || /T$/i.test(t)) return { ok: false, error: `Cannot read "${text}" as an ISO-8601 duration. ${HINT}` };
  const [, w, d, h, mi, s] = m;
  const parts: [string | undefined, bigint][] = [[w, 7n * UNIT_NS.d], [d, UNIT_NS.d], [h, UNIT_NS.h], [mi, UNIT_NS.m], [s, UNIT_NS.s]];
  let total = 0n;
  for (const [v, unit] of parts) if (v !== undefined) total += scaled(v, unit);
  return { ok: true, ns: sign * total };
}

/** Signed, in the largest unit that reads naturally, and always parseable back to the same value. */
export function formatDuration(ns: bigint): string {
  if (ns === 0n) return '0 s';
  const sign = ns < 0n ? '-' : '+';
  const abs = ns < 0n ? -ns : ns;
  const S = UNIT_NS.s;
  if (abs >= 60n * S && abs % S === 0n) {
    const parts: string[] = [];
    let rest = abs;
    for (const [unit, name] of [[UNIT_NS.d, 'd'], [UNIT_NS.h, 'h'], [UNIT_NS.m, 'm'], [S, 's']] as const) {
      if (rest >= unit) parts.push(`${rest / unit}${name}`);
      rest %= unit;
    }
    return sign + parts.join(' ');
  }
  const [unit, name] = abs >= S ? [S, 's'] : abs >= UNIT_NS.ms ? [UNIT_NS.ms, 'ms'] : abs >= UNIT_NS.us ? [UNIT_NS.us, 'µs'] : [1n, 'ns'];
  const whole = abs / unit;
  const frac = abs % unit;
  const digits = String(unit).length - 1;
  const fracText = frac === 0n ? '' : '.' + frac.toString().padStart(digits, '0').replace(/0+$/, '');
  return `${sign}${whole}${fracText} ${name}`;
}
