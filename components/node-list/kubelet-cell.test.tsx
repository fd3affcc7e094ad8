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

  it('says "no thresholds" for a kubelet without hard thresholds, never "ok"', () => {
    const stats = {
      memoryAvailableBytes: 1e9,
      nodefsAvailableBytes: 1e10,
      nodefsCapacityBytes: 1e11,
      headroom: null,
      thresholds: 'configz' as const,
    };
    const none = html(
      <KubeletCell result={{ name: 'n', state: 'ok', at: 't', stats: { ...stats, hardThresholds: 0 } }} live />,
    );
    expect(none).toContain('no thresholds');
    expect(none).toContain('never evicts');
    expect(none).not.toMatch(/>ok</);
    const unseen = html(
      <KubeletCell result={{ name: 'n', state: 'ok', at: 't', stats: { ...stats, hardThresholds: 2 } }} live />,
    );
    expect(unseen).toContain('no signals');
  });

  it('names the signal and says what the percentage means, without hovering', () => {
    const stats = {
      memoryAvailableBytes: null,
      nodefsAvailableBytes: null,
      nodefsCapacityBytes: null,
      hardThresholds: 4,
      thresholds: 'configz' as const,
    };
    const cell = (headroom: { signal: string; percent: number; met: boolean }) =>
      html(<KubeletCell result={{ name: 'n', state: 'ok', at: 't', stats: { ...stats, headroom } }} live />);
    expect(cell({ signal: 'imagefs.available', percent: 41.7, met: false })).toContain(
      '>imagefs: 41.7 % above threshold<',
    );
    expect(cell({ signal: 'memory.available', percent: -3.2, met: true })).toContain(
      '>evicting · memory: 3.2 % below threshold<',
    );
  });
});
