import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
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
