import { readFileSync } from 'node:fs';

/**
 * `npm ci` on a supported Node prints no EBADENGINE and no install-script warning: package.json's
 * engines floor is at least every production dependency's, and `allowScripts` decides every
 * install script in the lockfile (npm 11 warns about the undecided ones).
 */
interface LockPackage {
  readonly version?: string;
  readonly dev?: boolean;
  readonly engines?: { readonly node?: string };
  readonly hasInstallScript?: boolean;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; allowScripts: Record<string, boolean> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** `>=22.15` → [22, 15, 0]; null for any other kind of range. */
function floorOf(range: string): number[] | null {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : null;
}
const atLeast = (a: number[], b: number[]): boolean => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2]);

describe('Node.js version and install scripts', () => {
  it('requires a Node at least as new as every production dependency that names a plain floor', () => {
    const ours = floorOf(pkg.engines.node);
    expect(ours).not.toBeNull();
    expect(ours![0]).toBeGreaterThanOrEqual(22);
    expect(lock.packages[''].engines?.node).toBe(pkg.engines.node);
    const higher = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && entry.engines?.node)
      .map(([path, entry]) => ({ name: nameOf(path), floor: floorOf(entry.engines!.node!) }))
      .filter((dep) => dep.floor !== null && !atLeast(ours!, dep.floor))
      .map((dep) => `${dep.name} needs >=${dep.floor!.join('.')}`);
    expect(higher).toEqual([]);
  });

  it('decides every install script in the lockfile in allowScripts, and names nothing else', () => {
    // The project's own postinstall (patch-package) is not a dependency's: npm runs it without asking allowScripts.
    const withScripts = [
      ...new Set(
        Object.entries(lock.packages)
          .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
          .map(([path]) => nameOf(path)),
      ),
    ].sort();
    const decided = Object.keys(pkg.allowScripts)
      .map((key) => key.replace(/(.)@[^@]*$/, '$1'))
      .sort();
    expect(decided).toEqual(withScripts);
    expect(pkg.allowScripts.esbuild).toBe(true);
  });
});
