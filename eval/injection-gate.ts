/**
 * The CI gate of `npm run eval:injection`: floors on the direct-prompt headline and on the
 * documents (untrusted mode) section. Pure, so it is tested without data.
 */
import { fmt3, type Line } from './injection-lines.js';

/** Floors and ceilings; an absent one is not checked. */
export interface InjectionFloors {
  /** Direct prompts: TPR at the threshold that flags 1% of the benign prompts (the headline). */
  readonly minTprAt1?: number | undefined;
  /** Direct prompts: TPR at the default threshold. */
  readonly minTpr?: number | undefined;
  /** Direct prompts: benign FPR at the default threshold. */
  readonly maxFpr?: number | undefined;
  /** Documents: BIPIA attacks flagged at the untrusted threshold. */
  readonly minDocumentTpr?: number | undefined;
  /** Documents: BIPIA clean documents flagged at the untrusted threshold. */
  readonly maxDocumentFpr?: number | undefined;
}

/** Why the gate fails (empty when it passes). A gate without any floor fails, so CI cannot pass by accident. */
export function checkInjectionGate(direct: Line, documents: Line, floors: InjectionFloors): string[] {
  const given = Object.values(floors).filter((v) => v !== undefined);
  if (given.length === 0) return ['no floors given (--min-tpr-at-1 / --min-tpr / --max-fpr / --min-document-tpr / --max-document-fpr)'];
  const failures: string[] = [];
  const below = (name: string, value: number | null, floor: number | undefined): void => {
    if (floor !== undefined && (value ?? 0) < floor) failures.push(`${name} ${fmt3(value)} < ${floor}`);
  };
  const above = (name: string, value: number | null, ceiling: number | undefined): void => {
    if (ceiling !== undefined && (value ?? 1) > ceiling) failures.push(`${name} ${fmt3(value)} > ${ceiling}`);
  };
  below('direct-prompt TPR at 1% FPR', direct.tprAt1, floors.minTprAt1);
  below('direct-prompt TPR', direct.tpr, floors.minTpr);
  above('direct-prompt FPR', direct.fpr, floors.maxFpr);
  below('document TPR (BIPIA, untrusted mode)', documents.tpr, floors.minDocumentTpr);
  above('document FPR (BIPIA clean documents, untrusted mode)', documents.fpr, floors.maxDocumentFpr);
  return failures;
}
