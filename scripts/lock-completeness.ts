/**
 * A lock is complete when every optional dependency of every locked package is itself locked, for every
 * platform: `npm install` on a machine of another platform (or after the registry starts serving another
 * platform's binaries) otherwise adds them and rewrites the lock, and `npm ci` refuses a lock that is out of
 * sync with package.json. Resolution follows npm's layout: a dependency of `node_modules/a` is found in
 * `node_modules/a/node_modules/<dep>`, then in each enclosing `node_modules`, up to the root.
 */
export interface LockFile {
  packages: Record<string, { optionalDependencies?: Record<string, string> }>;
}

/** The optional dependencies the lock names but does not lock, as `<package path> → <dependency>`. */
export function missingOptionalDependencies(lock: LockFile): string[] {
  const missing: string[] = [];
  for (const [pkgPath, pkg] of Object.entries(lock.packages)) {
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
      if (!resolves(lock, pkgPath, dep)) missing.push(`${pkgPath || '(root)'} → ${dep}`);
    }
  }
  return missing;
}

function resolves(lock: LockFile, from: string, dep: string): boolean {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${dep}` : `node_modules/${dep}`;
    if (candidate in lock.packages) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}
