import { describe, expect, it } from 'vitest';
import { KUBELET_FIELDS } from './kubelet-fields';
import { KUBELET_FLAGS, flagForField, flagStateAt, kubeletFlag } from './kubelet-flags';

describe('flag ↔ field table', () => {
  it('maps the flags people still pass to their config fields', () => {
    expect(flagForField('maxPods')?.name).toBe('max-pods');
    expect(flagForField('evictionHard')?.name).toBe('eviction-hard');
    expect(flagForField('reservedSystemCPUs')?.name).toBe('reserved-cpus');
    expect(flagForField('staticPodPath')?.name).toBe('pod-manifest-path');
    expect(flagForField('serverTLSBootstrap')?.name).toBe('rotate-server-certificates');
    expect(flagForField('authentication.anonymous.enabled')?.name).toBe('anonymous-auth');
    expect(flagForField('logging.verbosity')?.name).toBe('v');
    expect(kubeletFlag('--max-pods')?.field).toBe('maxPods');
  });
  it('has no flag for config-file-only fields added recently', () => {
    for (const path of [
      'failCgroupV1',
      'crashLoopBackOff',
      'mergeDefaultEvictionSettings',
      'podLogsDir',
      'imageMaximumGCAge',
    ]) {
      expect(flagForField(path)).toBeUndefined();
    }
  });
  it('points every config flag at a field that exists in the reference', () => {
    const paths = new Set(KUBELET_FIELDS.map((f) => f.path));
    for (const f of KUBELET_FLAGS) if (f.field) expect(paths.has(f.field), `${f.name} → ${f.field}`).toBe(true);
  });
  it('lists each flag once', () => {
    const names = KUBELET_FLAGS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('flagStateAt', () => {
  it('marks config-backed flags deprecated, except the logging and provider-id ones', () => {
    expect(flagStateAt('max-pods', 33)).toBe('deprecated');
    expect(flagStateAt('v', 33)).toBe('current');
    expect(flagStateAt('provider-id', 33)).toBe('current');
    expect(flagStateAt('node-ip', 33)).toBe('current');
  });
  it('knows removals by version', () => {
    expect(flagStateAt('network-plugin', 23)).toBe('deprecated');
    expect(flagStateAt('network-plugin', 24)).toBe('removed');
    expect(flagStateAt('pod-infra-container-image', 34)).toBe('deprecated');
    expect(flagStateAt('pod-infra-container-image', 35)).toBe('removed');
    expect(flagStateAt('container-runtime', 27)).toBe('removed');
    expect(flagStateAt('logtostderr', 25)).toBe('deprecated');
    expect(flagStateAt('logtostderr', 26)).toBe('removed');
    expect(flagStateAt('config-dir', 27)).toBe('not-yet');
    expect(flagStateAt('no-such-flag', 30)).toBe('unknown');
  });
});
