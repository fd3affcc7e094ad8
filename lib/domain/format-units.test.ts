import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpuMillis } from './format-units';

describe('formatBytes', () => {
  it('formats bytes for people in binary units', () => {
    expect(formatBytes(1610612736)).toBe('1.5 GiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(314572800n)).toBe('300 MiB');
  });

  it('keeps the sign and zero', () => {
    expect(formatBytes(-1073741824)).toBe('-1 GiB');
    expect(formatBytes(0)).toBe('0 B');
  });
});

describe('formatCpuMillis', () => {
  it('shows millicores under one core and cores above', () => {
    expect(formatCpuMillis(250)).toBe('250m');
    expect(formatCpuMillis(1500)).toBe('1.5');
    expect(formatCpuMillis(4000)).toBe('4');
  });
});
