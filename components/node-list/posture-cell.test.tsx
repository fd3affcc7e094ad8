import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostureCell, type PostureColumnData } from './posture-cell';

const data = (over: Partial<PostureColumnData> = {}): PostureColumnData => ({
  counts: new Map([
    ['bad', { pass: 6, fail: 13, unknown: 0, 'n/a': 1 }],
    ['good', { pass: 19, fail: 0, unknown: 0, 'n/a': 1 }],
  ]),
  unreadable: new Map([['gone', 'Forbidden: kubelet answered 403']]),
  pending: new Set(['slow']),
  loaded: true,
  ...over,
});
const html = (name: string, posture: PostureColumnData | undefined) =>
  renderToStaticMarkup(<PostureCell name={name} posture={posture} />);

describe('PostureCell', () => {
  it('shows failed checks as a link to the node posture section, and none failed as such', () => {
    const bad = html('bad', data());
    expect(bad).toContain('13 failed');
    expect(bad).toContain('href="/nodes/bad#posture-title"');
    expect(bad).toContain('13 failed, 0 unknown, 6 passed, 1 n/a');
    expect(html('good', data())).toContain('none failed');
  });
  it('never shows a count for a node it could not judge', () => {
    const gone = html('gone', data());
    expect(gone).toContain('not read');
    expect(gone).toContain('Forbidden: kubelet answered 403');
    expect(html('slow', data())).toContain('reading…');
    expect(html('bad', data({ loaded: false }))).not.toContain('failed');
    expect(html('bad', data({ loaded: false, error: 'boom' }))).toContain('unavailable');
    expect(html('bad', undefined)).not.toContain('failed');
  });
});
