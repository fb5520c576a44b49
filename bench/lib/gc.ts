import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's full collection, whether or not Node was started with `--expose-gc`: the flag is set at
 * run time and `gc` read from a fresh context, which gets it from then on (Node's documented
 * `v8.setFlagsFromString` example). Used to start a measurement on a settled heap.
 */
function loadGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

let gc: (() => void) | undefined;

/** Runs a full garbage collection now. */
export function collectGarbage(): void {
  (gc ??= loadGc())();
}
