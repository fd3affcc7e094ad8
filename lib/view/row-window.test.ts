import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window';

const table = { rowHeight: 44, rowsTop: 40, overscan: 4 };

describe('rowWindow', () => {
  it('at the top, holds the rows the viewport shows plus the overscan below', () => {
    // 600 px viewport: the header takes 40, rows 0..13 are (partly) visible
    expect(rowWindow({ ...table, count: 5000, scrollTop: 0, viewportHeight: 600 })).toEqual({ start: 0, end: 17 });
  });

  it('scrolled, holds overscan rows on both sides of the visible ones', () => {
    // rows start at 40; scrollTop 40 + 100 × 44 puts row 100 at the top of the viewport
    const w = rowWindow({ ...table, count: 5000, scrollTop: 40 + 100 * 44, viewportHeight: 440 });
    expect(w).toEqual({ start: 96, end: 114 });
  });

  it('a row cut by the viewport edge counts as visible', () => {
    const w = rowWindow({ ...table, overscan: 0, count: 5000, scrollTop: 40 + 10 * 44 + 20, viewportHeight: 44 });
    expect(w).toEqual({ start: 10, end: 12 });
  });

  it('stops at the last row, and at the first', () => {
    expect(rowWindow({ ...table, count: 20, scrollTop: 40 + 18 * 44, viewportHeight: 600 })).toEqual({
      start: 14,
      end: 20,
    });
    expect(rowWindow({ ...table, count: 3, scrollTop: 0, viewportHeight: 600 })).toEqual({ start: 0, end: 3 });
  });

  it('holds nothing for an empty list and stays in range when scrolled past a list that shrank', () => {
    expect(rowWindow({ ...table, count: 0, scrollTop: 0, viewportHeight: 600 })).toEqual({ start: 0, end: 0 });
    // 5,000 rows filtered down to 10 while scrolled far down (the browser clamps scrollTop a frame later)
    expect(rowWindow({ ...table, count: 10, scrollTop: 100_000, viewportHeight: 600 })).toEqual({
      start: 10,
      end: 10,
    });
  });

  it('treats a viewport not laid out yet (0 px) as showing nothing but the overscan', () => {
    expect(rowWindow({ ...table, count: 5000, scrollTop: 0, viewportHeight: 0 })).toEqual({ start: 0, end: 4 });
  });
});
