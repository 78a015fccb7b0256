import { BulwarkError } from '../core/bulwark-error.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds in a duration such as `90s`, `15m`, `24h`, `30d` or a bare number of seconds. */
export function parseDuration(text: string, flag: string): number {
  const m = /^(\d{1,9})([smhd]?)$/.exec(text.trim());
  if (m === null) throw new BulwarkError('ERR_CLI_USAGE', `${flag} takes a duration like 30d, 24h, 15m or 90s`);
  return Number(m[1]) * (UNIT_SECONDS[m[2] || 's'] as number);
}
