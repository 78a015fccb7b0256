import type { CaseCounts } from './secrets-metrics.js';

/** Floors of the secrets gate; an absent floor is not checked. */
export interface SecretsGateFloors {
  readonly minRecall?: number | undefined;
  readonly minPrecision?: number | undefined;
}

/**
 * Why the secrets gate fails (empty when it passes): overall recall and precision must reach their
 * floors. A gate without floors, or a run that evaluated no case, fails, so CI cannot pass by accident.
 */
export function checkSecretsGate(overall: CaseCounts, floors: SecretsGateFloors, complete: boolean): string[] {
  if (floors.minRecall === undefined && floors.minPrecision === undefined) {
    return ['no floors given (--min-recall / --min-precision or BULWARK_EVAL_SECRETS_MIN_RECALL / _MIN_PRECISION)'];
  }
  if (overall.cases === 0) return ['no case was evaluated'];
  if (!complete) return ['only part of the data was evaluated (--file)'];
  const failures: string[] = [];
  const recall = overall.recall ?? 0;
  const precision = overall.precision ?? 0;
  if (floors.minRecall !== undefined && recall < floors.minRecall) failures.push(`overall recall ${recall.toFixed(3)} < ${floors.minRecall}`);
  if (floors.minPrecision !== undefined && precision < floors.minPrecision) {
    failures.push(`overall precision ${precision.toFixed(3)} < ${floors.minPrecision}`);
  }
  return failures;
}
