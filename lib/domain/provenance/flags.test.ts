import { describe, expect, it } from 'vitest';
import { lookupFlag } from './flag-lookup';
import { convertFlagValue, foldFlagValue, FlagValueError } from './flag-values';
import { parseKubeletArgs } from './kubelet-flags-parse';

const args = (...t: string[]) => t.map((text) => ({ text }));

describe('flag ↔ field table', () => {
  it('maps config flags to their KubeletConfiguration fields', () => {
    expect(lookupFlag('max-pods', 33)).toMatchObject({ type: 'config', def: { field: 'maxPods', kind: 'int' } });
    expect(lookupFlag('kube-reserved', 33)).toMatchObject({
      type: 'config',
      def: { field: 'kubeReserved', kind: 'mapStringString' },
    });
    expect(lookupFlag('eviction-hard', 33)).toMatchObject({
      type: 'config',
      def: { field: 'evictionHard', kind: 'langleMap' },
    });
    expect(lookupFlag('anonymous-auth', 33)).toMatchObject({ def: { field: 'authentication.anonymous.enabled' } });
    expect(lookupFlag('rotate-server-certificates', 33)).toMatchObject({ def: { field: 'serverTLSBootstrap' } });
    expect(lookupFlag('pod-manifest-path', 33)).toMatchObject({ def: { field: 'staticPodPath' } });
  });
  it('lists identity and bootstrap flags as having no config field', () => {
    for (const name of [
      'kubeconfig',
      'bootstrap-kubeconfig',
      'hostname-override',
      'node-ip',
      'config',
      'node-labels',
      'cert-dir',
      'root-dir',
    ]) {
      expect(lookupFlag(name, 33).type).toBe('kubelet-only');
    }
  });
  it('normalises underscores like pflag WordSepNormalizeFunc', () => {
    expect(lookupFlag('max_pods', 33)).toMatchObject({ type: 'config', def: { field: 'maxPods' } });
  });
  it('knows when a flag was removed', () => {
    expect(lookupFlag('network-plugin', 33).type).toBe('removed');
    expect(lookupFlag('network-plugin', 23).type).toBe('kubelet-only');
    expect(lookupFlag('container-runtime', 27).type).toBe('removed');
    expect(lookupFlag('container-runtime', 26).type).toBe('kubelet-only');
    expect(lookupFlag('dynamic-config-dir', 24).type).toBe('removed');
    expect(lookupFlag('cadvisor-port', 30).type).toBe('removed');
    expect(lookupFlag('pod-infra-container-image', 34).type).toBe('kubelet-only');
    expect(lookupFlag('pod-infra-container-image', 35).type).toBe('removed');
  });
  it('treats --container-runtime-endpoint as a config field only from 1.27', () => {
    expect(lookupFlag('container-runtime-endpoint', 27).type).toBe('config');
    expect(lookupFlag('container-runtime-endpoint', 26).type).toBe('kubelet-only');
  });
  it('calls anything else unknown', () => {
    expect(lookupFlag('max-podz', 33).type).toBe('unknown');
  });
});

describe('argv parsing (pflag rules)', () => {
  it('reads --flag=value, --flag value, bare booleans and -v forms', () => {
    const p = parseKubeletArgs(
      args('--max-pods=64', '--kubeconfig', '/etc/k.conf', '--fail-swap-on', '-v', '2', '--cgroup-driver', 'systemd'),
      33,
    );
    expect(p.occurrences.map((o) => [o.name, o.value])).toEqual([
      ['max-pods', '64'],
      ['kubeconfig', '/etc/k.conf'],
      ['fail-swap-on', 'true'],
      ['v', '2'],
      ['cgroup-driver', 'systemd'],
    ]);
    expect(p.positional).toEqual([]);
  });
  it('leaves the word after a bare boolean as a stray argument', () => {
    const p = parseKubeletArgs(args('--fail-swap-on', 'false'), 33);
    expect(p.positional.map((s) => s.text)).toEqual(['false']);
  });
  it('reports single-dash long flags and missing values', () => {
    const p = parseKubeletArgs(args('-max-pods=3', '--node-ip'), 33);
    expect(p.badShorthands.map((s) => s.text)).toEqual(['-max-pods=3']);
    expect(p.missingValues.map((m) => m.name)).toEqual(['node-ip']);
  });
  it('stops at --', () => {
    expect(parseKubeletArgs(args('--v=1', '--', '--max-pods=3'), 33).positional.map((s) => s.text)).toEqual([
      '--max-pods=3',
    ]);
  });
});

describe('flag values', () => {
  it('parses map flags', () => {
    expect(convertFlagValue('mapStringString', 'cpu=100m,memory=1Gi')).toEqual({ cpu: '100m', memory: '1Gi' });
    expect(convertFlagValue('langleMap', 'memory.available<300Mi,nodefs.available<10%')).toEqual({
      'memory.available': '300Mi',
      'nodefs.available': '10%',
    });
    expect(convertFlagValue('mapStringBool', 'A=true,B=false')).toEqual({ A: true, B: false });
    expect(convertFlagValue('mapStringString', '')).toEqual({});
  });
  it('parses slices, taints, reserved memory and durations', () => {
    expect(convertFlagValue('stringSlice', '10.96.0.10,10.96.0.11')).toEqual(['10.96.0.10', '10.96.0.11']);
    expect(convertFlagValue('stringSlice', '')).toEqual([]);
    expect(convertFlagValue('taints', 'dedicated=gpu:NoSchedule,spot:PreferNoSchedule')).toEqual([
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      { key: 'spot', effect: 'PreferNoSchedule' },
    ]);
    expect(convertFlagValue('reservedMemory', '0:memory=1Gi,hugepages-1Gi=2Gi')).toEqual([
      { numaNode: 0, limits: { memory: '1Gi', 'hugepages-1Gi': '2Gi' } },
    ]);
    expect(convertFlagValue('duration', '5m')).toBe('5m0s');
  });
  it('rejects what the kubelet rejects', () => {
    expect(() => convertFlagValue('bool', 'yes')).toThrow(FlagValueError);
    expect(() => convertFlagValue('int', '64pods')).toThrow(FlagValueError);
    expect(() => convertFlagValue('langleMap', 'memory.available=300Mi')).toThrow(FlagValueError);
    expect(() => convertFlagValue('duration', '10')).toThrow(FlagValueError);
  });
  it('repeats: scalars last-wins, slices append, maps merge', () => {
    expect(foldFlagValue('int', 32, 64)).toBe(64);
    expect(foldFlagValue('stringSlice', ['a'], ['b'])).toEqual(['a', 'b']);
    expect(foldFlagValue('mapStringString', { cpu: '1', memory: '1Gi' }, { cpu: '2' })).toEqual({
      cpu: '2',
      memory: '1Gi',
    });
  });
});
