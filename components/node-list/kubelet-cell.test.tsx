import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KubeletCell } from './kubelet-cell';

const html = (el: React.ReactElement) => renderToStaticMarkup(el);

describe('KubeletCell', () => {
  it('tells a node not answered yet from a straggler and from a failed one', () => {
    expect(html(<KubeletCell result={undefined} live />)).toContain('pending…');
    expect(html(<KubeletCell result={undefined} live={false} />)).not.toContain('pending');
    const slow = html(<KubeletCell result={{ name: 'n', state: 'pending', since: '2026-11-23T15:00:00.000Z' }} live />);
    expect(slow).toContain('slow…');
    expect(slow).toContain('Asked at 2026-11-23T15:00:00.000Z');
    // on a refresh the previous answer stays visible, flagged slow
    const refreshing = html(
      <KubeletCell
        result={{
          name: 'n',
          state: 'pending',
          since: '2026-11-23T15:00:30.000Z',
          last: { name: 'n', state: 'error', at: '2026-11-23T15:00:04.000Z', reason: 'Forbidden', message: 'nope' },
        }}
        live
      />,
    );
    expect(refreshing).toContain('forbidden');
    expect(refreshing).toContain('slow…');
    expect(refreshing).toContain('previous sweep');
    const failed = html(
      <KubeletCell
        result={{
          name: 'n',
          state: 'error',
          at: '2026-11-23T15:00:04.000Z',
          reason: 'Timeout',
          message: 'no answer in 4 s',
        }}
        live
      />,
    );
    expect(failed).toContain('timed out');
    expect(failed).toContain('no answer in 4 s');
  });
});
