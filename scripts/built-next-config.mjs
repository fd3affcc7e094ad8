// Prints the Next.js config a production build was made with, as JSON (the `config` of
// .next/required-server-files.json, which `next build` writes for every build), or nothing when there is no
// build yet. The production launchers hand it to `next start`, which then uses it instead of loading
// next.config.ts (why: scripts/server-node-options.ts, builtNextConfigEnv). Plain Node, no dependencies, so that
// `npm start` can run it before the server without a TypeScript loader.
// Usage: node scripts/built-next-config.mjs [project dir]
import { readFileSync } from 'node:fs';
import path from 'node:path';

let text = '';
try {
  text = readFileSync(path.join(process.argv[2] ?? '.', '.next', 'required-server-files.json'), 'utf8');
} catch {
  // No build: print nothing, and `next start` reports the missing build itself.
}
if (text) {
  const { config } = JSON.parse(text);
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error('.next/required-server-files.json has no config object: rebuild with `npm run build`');
  }
  process.stdout.write(JSON.stringify(config));
}
