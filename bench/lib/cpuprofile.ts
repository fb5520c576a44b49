/**
 * Reading V8 CPU profiles (`node --cpu-prof`, `.cpuprofile` JSON): self and inclusive time per
 * function and self time per package, over a window at the end of the profile (the loaded or
 * looped part, after start-up), printed as tables per operation. Used by the profile scripts of
 * the HTTP and in-process benches.
 */
interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function packageOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node';
  const src = /\/(dist|src|bench)\/(.*)$/.exec(url);
  return src ? `${src[1]}/${src[2]}` : url;
}

function frameKey(frame: CallFrame): string {
  const where = frame.url === '' ? '' : ` ${packageOf(frame.url, frame.functionName)}:${frame.lineNumber + 1}`;
  return `${frame.functionName || '(anonymous)'}${where}`;
}

export interface Analysis {
  readonly sampledMs: number;
  readonly busyMs: number;
  readonly selfByPackage: Map<string, number>;
  readonly selfByFunction: Map<string, number>;
  readonly inclusiveByFunction: Map<string, number>;
}

/** Self and inclusive time over the samples taken in the last `windowMs` of the profile (all of it when omitted). */
export function analyze(profile: CpuProfile, windowMs = Infinity): Analysis {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const from = profile.endTime - windowMs * 1000;
  const add = (m: Map<string, number>, k: string, v: number): void => {
    m.set(k, (m.get(k) ?? 0) + v);
  };
  const out: Analysis = { sampledMs: 0, busyMs: 0, selfByPackage: new Map(), selfByFunction: new Map(), inclusiveByFunction: new Map() };
  let t = profile.startTime;
  let sampled = 0;
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    // A sample's weight: the time to the next sample (the last one gets the previous delta).
    const weight = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    if (t < from) continue;
    const leaf = byId.get(profile.samples[i])!;
    sampled += weight;
    if (leaf.callFrame.functionName === '(idle)') continue;
    busy += weight;
    add(out.selfByPackage, packageOf(leaf.callFrame.url, leaf.callFrame.functionName), weight);
    add(out.selfByFunction, frameKey(leaf.callFrame), weight);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const key = frameKey(byId.get(id)!.callFrame);
      if (!seen.has(key)) {
        seen.add(key);
        add(out.inclusiveByFunction, key, weight);
      }
    }
  }
  return { ...out, sampledMs: sampled, busyMs: busy };
}

/** The `top` rows of `m`: share of busy time and µs per operation. */
export function table(title: string, m: Map<string, number>, busyMs: number, operations: number, top: number, unit = 'answer'): string {
  const rows = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = rows.map(
    ([k, v]) => `  ${((100 * v) / busyMs).toFixed(1).padStart(5)} %  ${((1000 * v) / operations).toFixed(1).padStart(7)} µs/${unit}  ${k}`,
  );
  return [`${title}:`, ...lines].join('\n');
}
