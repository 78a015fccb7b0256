import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFunction: (() => void) | undefined;

/** V8's `gc()`, exposed (once) for tests that check what a module keeps alive. */
export function exposedGc(): () => void {
  if (gcFunction === undefined) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  return gcFunction;
}

/** A full collection once the current job is over (a WeakRef keeps its target until then). */
export async function collect(): Promise<void> {
  const gc = exposedGc();
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}

/**
 * How many bytes of array buffers `run` leaves alive after collections, looked at a few times
 * until under `tolerance`: array buffers are released by a sweep that may lag the collection.
 */
export async function retainedArrayBuffers(run: () => void, tolerance: number): Promise<number> {
  const gc = exposedGc();
  await collect();
  const before = process.memoryUsage().arrayBuffers;
  run();
  await collect();
  let retained = process.memoryUsage().arrayBuffers - before;
  for (let k = 0; k < 50 && retained >= tolerance; k++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    retained = process.memoryUsage().arrayBuffers - before;
  }
  return retained;
}
