import 'server-only';
import pino from 'pino';

/**
 * Structured JSON logs, one object per line on stdout (what log collectors in a cluster expect).
 * Never log request bodies, tokens or pasted files: callers pass only the fields they mean to keep.
 */
export const log = pino({
  level: process.env.KD_LOG_LEVEL ?? 'info',
  base: { app: 'kubelet-dashboard' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'headers.cookie'],
    censor: '[redacted]',
  },
});
