import {
  Metadata,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import type { CountryCode } from 'libphonenumber-js/core';
// The full ("max") metadata validates number ranges per country, not just lengths: worth its
// extra ~70 KB because a validated number is reported without a context word.
import metadata from 'libphonenumber-js/max/metadata';

/** What the cheap pre-check needs to know about a region's numbering plan. */
interface Plan {
  readonly callingCode: string;
  readonly lengths: ReadonlySet<number>;
}

const plans = new Map<CountryCode, Plan>();

function planOf(region: CountryCode): Plan {
  let plan = plans.get(region);
  if (!plan) {
    const m = new Metadata(metadata);
    m.selectNumberingPlan(region);
    const lengths = new Set(m.numberingPlan?.possibleLengths() ?? []);
    plan = { callingCode: getCountryCallingCode(region, metadata), lengths };
    plans.set(region, plan);
  }
  return plan;
}

function isSupported(region: string): region is CountryCode {
  return isSupportedCountry(region as CountryCode, metadata);
}

/** The region hints libphonenumber knows, in order; the same array when it knows them all. */
export function supportedRegions(regions: readonly string[]): readonly CountryCode[] {
  for (const r of regions) if (!isSupported(r)) return regions.filter(isSupported);
  return regions as readonly CountryCode[];
}

/**
 * Cheap necessary condition for `digits` to be a valid national number of `region`: after an
 * optional trunk prefix (`0`, or `1` in North America) its length must be one the plan allows,
 * and North American area codes and exchanges never start with 0 or 1. Full validation costs
 * tens of microseconds per call, so most impossible candidates stop here.
 */
function mayBeNational(digits: string, plan: Plan): boolean {
  const nanp = plan.callingCode === '1';
  let nsn = digits;
  if (!plan.lengths.has(nsn.length)) {
    const trunk = nanp ? '1' : '0';
    if (!nsn.startsWith(trunk) || !plan.lengths.has(nsn.length - 1)) return false;
    nsn = nsn.slice(1);
  }
  if (nanp) return nsn.charCodeAt(0) >= 50 && nsn.charCodeAt(3) >= 50;
  return true;
}

/** True when `digits` passes the cheap pre-check for `region`, so full validation may succeed. */
export function mayBeNationalOf(digits: string, region: CountryCode): boolean {
  return mayBeNational(digits, planOf(region));
}

/**
 * True when `candidate` (as written) is a valid number of `region`. Callers run
 * {@link mayBeNationalOf} first: this is the expensive part.
 */
export function validNational(candidate: string, region: CountryCode): boolean {
  const parsed = parsePhoneNumberFromString(candidate, { defaultCountry: region, extract: false }, metadata);
  return parsed !== undefined && parsed.isValid();
}

/** True when `candidate` (starting with `+`) is a valid number of the country its code names. */
export function validInternational(candidate: string): boolean {
  const parsed = parsePhoneNumberFromString(candidate, { extract: false }, metadata);
  return parsed !== undefined && parsed.isValid();
}
