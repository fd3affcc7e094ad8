import { describe, expect, it } from 'vitest';
import { ageSeconds, formatAge, humanDuration } from './age';

const MIN = 60;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [0, '0s'],
    [-1, '0s'],
    [-5, '<invalid>'],
    [59, '59s'],
    [119, '119s'],
    [2 * MIN, '2m'],
    [5 * MIN + 30, '5m30s'],
    [10 * MIN + 30, '10m'],
    [179 * MIN, '179m'],
    [3 * HOUR, '3h'],
    [7 * HOUR + 12 * MIN, '7h12m'],
    [8 * HOUR + 12 * MIN, '8h'],
    [47 * HOUR, '47h'],
    [2 * DAY, '2d'],
    [5 * DAY + 3 * HOUR, '5d3h'],
    [8 * DAY + 3 * HOUR, '8d'],
    [400 * DAY, '400d'],
    [2 * 365 * DAY + 45 * DAY, '2y45d'],
    [3 * 365 * DAY, '3y'],
    [9 * 365 * DAY + 100 * DAY, '9y'],
  ])('prints %i seconds as %s', (seconds, expected) => {
    expect(humanDuration(seconds)).toBe(expected);
  });

  it('truncates fractional seconds like Go duration division', () => {
    expect(humanDuration(59.9)).toBe('59s');
  });
});

describe('formatAge', () => {
  it('measures from createdAt to the given now', () => {
    expect(formatAge('2026-01-01T00:00:00Z', Date.parse('2026-01-06T03:00:00Z'))).toBe('5d3h');
    expect(formatAge('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:05:30Z'))).toBe('5m30s');
  });

  it('prints <unknown> for an unparsable timestamp', () => {
    expect(formatAge('', Date.parse('2026-01-06T03:00:00Z'))).toBe('<unknown>');
    expect(ageSeconds('nope', Date.parse('2026-01-06T03:00:00Z'))).toBeUndefined();
  });
});
