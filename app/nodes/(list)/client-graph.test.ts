import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What the browser loads on first paint of /nodes (issue 20: at most 60 kB gzip beyond the Next + React runtime,
 * measured on the build by `npm run bench -- bundles`). This guards the cause rather than the figure: from the
 * route's server files, the modules marked 'use client' and everything they import statically must not reach a
 * validator or a library the node list was freed of. Lazy `import()`s are not first paint and are not followed.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ROUTE_FILES = ['app/layout.tsx', 'app/nodes/(list)/page.tsx', 'app/nodes/(list)/error.tsx'];
/** packages and modules the first screen must not load */
const FORBIDDEN = [/^zod(\/|$)/, /^@tanstack\/react-virtual/, /^lib\/zod-mini\.ts$/, /^lib\/errors\.ts$/];

async function importGraph(): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ROUTE_FILES,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    platform: 'node',
    format: 'esm',
    packages: 'external',
    loader: { '.css': 'empty', '.svg': 'empty' },
    logLevel: 'silent',
  });
  return result.metafile;
}

const isClientModule = async (file: string) =>
  /^\s*['"]use client['"]/.test(await readFile(path.join(ROOT, file), 'utf8'));

/**
 * Project files the browser loads first: from the route's files along static imports, every 'use client' module
 * and what it imports statically, transitively (a server module's own imports stay on the server).
 */
async function firstLoad(meta: Metafile): Promise<{ files: Set<string>; externals: Map<string, string> }> {
  const files = new Set<string>();
  const externals = new Map<string, string>();
  const seen = new Set<string>();
  const queue: Array<{ file: string; client: boolean }> = ROUTE_FILES.map((file) => ({ file, client: false }));
  while (queue.length > 0) {
    const { file, client: fromClient } = queue.pop()!;
    const client = fromClient || (await isClientModule(file));
    const key = `${client}:${file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (client) files.add(file);
    for (const imp of meta.inputs[file]?.imports ?? []) {
      if (imp.kind === 'dynamic-import') continue;
      if (imp.external) {
        if (client) externals.set(imp.path, file);
      } else queue.push({ file: imp.path, client });
    }
  }
  return { files, externals };
}

describe('/nodes first-load client modules', () => {
  it('reach no validator, no virtualizer library and no server-side error mapping', async () => {
    const { files, externals } = await firstLoad(await importGraph());
    // the route's own client code is found at all (or the assertions below would hold vacuously)
    expect(files).toContain('components/node-list/node-list-view.tsx');
    expect(files).toContain('components/node-list/node-table.tsx');
    const hits = [
      ...[...files].filter((f) => FORBIDDEN.some((re) => re.test(f))).map((f) => `${f}`),
      ...[...externals].filter(([spec]) => FORBIDDEN.some((re) => re.test(spec))).map(([s, by]) => `${s} (${by})`),
    ];
    expect(hits).toEqual([]);
  });

  it('loads the shortcuts dialog only when asked for', async () => {
    const { files } = await firstLoad(await importGraph());
    expect(files).toContain('components/keyboard-shortcuts.tsx');
    expect(files).not.toContain('components/keyboard-shortcuts-dialog.tsx');
  });
});
