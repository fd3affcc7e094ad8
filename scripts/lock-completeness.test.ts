import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingOptionalDependencies, type LockFile } from './lock-completeness';

describe('package-lock.json', () => {
  it('locks every platform’s optional binaries, so npm ci accepts it everywhere', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as LockFile;
    expect(missingOptionalDependencies(lock)).toEqual([]);
  });

  it('is in sync with package.json (npm ci would refuse it otherwise)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as LockFile & {
      packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
    };
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(lock.packages['']?.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']?.devDependencies).toEqual(pkg.devDependencies);
  });
});

describe('missingOptionalDependencies', () => {
  it('finds the platform binaries an incomplete lock leaves out (the lock of the first two sessions)', () => {
    const lock: LockFile = {
      packages: {
        '': {},
        'node_modules/next': {
          optionalDependencies: { '@next/swc-linux-x64-gnu': '16.4.6', '@next/swc-darwin-arm64': '16.4.6' },
        },
        'node_modules/@next/swc-linux-x64-gnu': {},
      },
    };
    expect(missingOptionalDependencies(lock)).toEqual(['node_modules/next → @next/swc-darwin-arm64']);
  });

  it('resolves nested dependencies through enclosing node_modules folders, as npm does', () => {
    const lock: LockFile = {
      packages: {
        'node_modules/a': {},
        'node_modules/a/node_modules/b': { optionalDependencies: { c: '1', d: '1', e: '1' } },
        'node_modules/a/node_modules/b/node_modules/c': {},
        'node_modules/a/node_modules/d': {},
        'node_modules/e': {},
      },
    };
    expect(missingOptionalDependencies(lock)).toEqual([]);
  });
});
