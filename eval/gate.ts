import type { FileReport } from './format-report.js';

/** The file whose scores the CI gate checks. */
export const GATE_FILE = 'presidio_synth_dataset_v2.jsonl';

/** Floors of the accuracy gate; an absent floor is not checked. */
export interface GateFloors {
  readonly minF2?: number | undefined;
  readonly minPersonF2?: number | undefined;
  /** Floor of the token-level overall F2 (presidio-research's method). */
  readonly minTokenF2?: number | undefined;
}

/**
 * Returns why the gate fails (empty when it passes): the strict overall F2 and the strict PERSON F2
 * on {@link GATE_FILE} must reach their floors. A gate without floors, or a run that did not
 * evaluate the gate file in full, fails too, so CI cannot pass by accident.
 */
export function checkGate(reports: readonly FileReport[], floors: GateFloors): string[] {
  if (floors.minF2 === undefined && floors.minPersonF2 === undefined && floors.minTokenF2 === undefined) {
    return ['no floors given (--min-f2 / --min-person-f2 or BULWARK_EVAL_MIN_F2 / BULWARK_EVAL_MIN_PERSON_F2)'];
  }
  const report = reports.find((r) => r.file === GATE_FILE);
  if (!report) return [`${GATE_FILE} was not evaluated`];
  if (report.sampled) return [`${GATE_FILE} was only partly evaluated (--limit/--sample)`];
  const failures: string[] = [];
  const f2 = report.strict.overall.f2 ?? 0;
  if (floors.minF2 !== undefined && f2 < floors.minF2) {
    failures.push(`overall strict F2 ${f2.toFixed(3)} < ${floors.minF2}`);
  }
  const personF2 = report.strict.byType.PERSON?.f2 ?? 0;
  if (floors.minPersonF2 !== undefined && personF2 < floors.minPersonF2) {
    failures.push(`PERSON strict F2 ${personF2.toFixed(3)} < ${floors.minPersonF2}`);
  }
  const tokenF2 = report.token.overall.f2 ?? 0;
  if (floors.minTokenF2 !== undefined && tokenF2 < floors.minTokenF2) {
    failures.push(`overall token-level F2 ${tokenF2.toFixed(3)} < ${floors.minTokenF2}`);
  }
  return failures;
}
