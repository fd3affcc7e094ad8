import 'server-only';
import pino from 'pino';
import { logLevel } from '@/lib/env';

/**
 * Structured JSON logs, one object per line on stdout (what log collectors in a cluster expect).
 * Never log request bodies, tokens or pasted files: callers pass only the fields they mean to keep.
 */
export const log = pino({
  level: logLevel(),
  base: { app: 'kubelet-dashboard' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'headers.cookie'],
    censor: '[redacted]',
  },
});
