import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtNextConfigEnv,
  SERVER_KEEP_ALIVE_MS,
  SERVER_NODE_OPTIONS,
  SERVER_THREADPOOL_SIZE,
  serverEnv,
  serverNodeOptions,
} from './server-node-options';

describe('production server Node flags', () => {
  it('are the same in npm start and the container image', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(`NODE_OPTIONS="${SERVER_NODE_OPTIONS} $NODE_OPTIONS"`);
    expect(readFileSync('deploy/Dockerfile', 'utf8')).toMatch(
      new RegExp(`^ENV NODE_OPTIONS="${SERVER_NODE_OPTIONS}"$`, 'm'),
    );
    expect(pkg.scripts.start).toContain(`UV_THREADPOOL_SIZE=\${UV_THREADPOOL_SIZE:-${SERVER_THREADPOOL_SIZE}}`);
    expect(readFileSync('deploy/Dockerfile', 'utf8')).toMatch(
      new RegExp(`^ENV UV_THREADPOOL_SIZE=${SERVER_THREADPOOL_SIZE}$`, 'm'),
    );
    expect(pkg.scripts.start).toContain(`next start --keepAliveTimeout ${SERVER_KEEP_ALIVE_MS} `);
    expect(readFileSync('deploy/Dockerfile', 'utf8')).toMatch(
      new RegExp(`^ENV KEEP_ALIVE_TIMEOUT=${SERVER_KEEP_ALIVE_MS}$`, 'm'),
    );
  });

  it('give the server a larger thread pool unless the operator set one', () => {
    expect(serverEnv({}).UV_THREADPOOL_SIZE).toBe(SERVER_THREADPOOL_SIZE);
    expect(serverEnv({ UV_THREADPOOL_SIZE: '64' }).UV_THREADPOOL_SIZE).toBe('64');
    expect(serverEnv({ NODE_OPTIONS: '--trace-gc' }).NODE_OPTIONS).toBe(`${SERVER_NODE_OPTIONS} --trace-gc`);
  });

  it('put the operator’s own NODE_OPTIONS last, so theirs win', () => {
    expect(serverNodeOptions('--max-semi-space-size=32')).toBe(`${SERVER_NODE_OPTIONS} --max-semi-space-size=32`);
    expect(serverNodeOptions(undefined)).toBe(SERVER_NODE_OPTIONS);
  });
});

describe('the build’s own Next config for next start', () => {
  const project = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kd-built-config-'));
    mkdirSync(path.join(dir, '.next'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, '.next', name), text);
    return dir;
  };

  it('is handed to next start by npm start, through the same printer', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(
      '__NEXT_PRIVATE_STANDALONE_CONFIG="$(node scripts/built-next-config.mjs)" next start',
    );
  });

  it('is the config the build recorded, unchanged', () => {
    const config = { distDir: '.next', poweredByHeader: false, experimental: { inlineCss: true } };
    const dir = project({ 'required-server-files.json': JSON.stringify({ version: 1, config, files: [] }) });
    const env = builtNextConfigEnv(dir);
    expect(JSON.parse(env.__NEXT_PRIVATE_STANDALONE_CONFIG ?? 'null')).toEqual(config);
  });

  it('is absent when there is no build, so next start loads next.config.ts and reports the missing build itself', () => {
    expect(builtNextConfigEnv(project({}))).toEqual({});
  });

  it('refuses a recorded file without a config object instead of starting with an empty config', () => {
    const dir = project({ 'required-server-files.json': JSON.stringify({ version: 1, config: null }) });
    expect(() => builtNextConfigEnv(dir)).toThrow(/no config object/);
  });
});
