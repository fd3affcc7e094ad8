import { describe, expect, it } from 'vitest';
import { extractKubeletArgv } from './command-line';
import { parseEnvFile } from './env-file';
import { PS_EF_WRAPPED } from './fixtures/flag-heavy';
import { SYSTEMCTL_STATUS } from './fixtures/kubeasz';
import { expandExecStart } from './exec-start';
import { mergeService, orderUnitFiles, parseServiceSection } from './systemd-unit';
import { splitWords } from './words';

describe('systemd word splitting', () => {
  it('groups quotes anywhere in a word and decodes escapes', () => {
    expect(splitWords(`"A=1 2" B='x y' C=a\\ b D="q\\"q"`).map((w) => w.text)).toEqual([
      'A=1 2',
      'B=x y',
      'C=a b',
      'D=q"q',
    ]);
  });
  it('returns nothing for blank input', () => {
    expect(splitWords('   ')).toEqual([]);
  });
});

describe('EnvironmentFile parsing', () => {
  it('reads quoted, unquoted, commented and continued lines', () => {
    const env = parseEnvFile(
      [
        '# comment',
        '; also comment',
        'A="--x=1 --y=2"',
        "B='single quoted'",
        'C=plain value  ',
        'D=cont\\',
        'inued',
        'not an assignment',
        '',
      ].join('\n'),
    );
    expect(env.assignments.map((a) => [a.name, a.value])).toEqual([
      ['A', '--x=1 --y=2'],
      ['B', 'single quoted'],
      ['C', 'plain value'],
      ['D', 'continued'],
    ]);
    expect(env.invalidLines).toEqual([8]);
  });
  it('treats an empty file as no assignments', () => {
    expect(parseEnvFile('').assignments).toEqual([]);
  });
});

describe('unit files', () => {
  it('joins continuation lines and reads only [Service]', () => {
    const d = parseServiceSection(
      '[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/kubelet \\\n  --a=1 \\\n  # comment\n  --b=2\n',
    );
    expect(d).toEqual([{ key: 'ExecStart', value: '/usr/bin/kubelet --a=1 --b=2' }]);
  });
  it('applies drop-ins after the main unit, sorted by file name across directories', () => {
    const order = orderUnitFiles([
      { path: '/etc/systemd/system/kubelet.service.d/20-b.conf', content: '' },
      { path: '/usr/lib/systemd/system/kubelet.service.d/10-a.conf', content: '' },
      { path: '/lib/systemd/system/kubelet.service', content: '' },
    ]).map((u) => u.path);
    expect(order).toEqual([
      '/lib/systemd/system/kubelet.service',
      '/usr/lib/systemd/system/kubelet.service.d/10-a.conf',
      '/etc/systemd/system/kubelet.service.d/20-b.conf',
    ]);
  });
  it('resets ExecStart on an empty assignment and lets EnvironmentFile= override Environment=', () => {
    const svc = mergeService(
      [
        { path: 'kubelet.service', content: '[Service]\nExecStart=/usr/bin/kubelet\nEnvironment=X=from-unit' },
        {
          path: 'kubelet.service.d/10.conf',
          content:
            '[Service]\nExecStart=\nExecStart=/usr/bin/kubelet $X\nEnvironmentFile=-/etc/default/kubelet\nEnvironmentFile=/etc/missing',
        },
      ],
      [{ path: '/etc/default/kubelet', content: 'X=from-file' }],
    );
    expect(svc.execStart).toHaveLength(1);
    expect(svc.environment.get('X')).toEqual({
      value: 'from-file',
      definedIn: '/etc/default/kubelet',
      via: 'EnvironmentFile',
    });
    expect(svc.missingEnvFiles).toEqual([
      { path: '/etc/missing', optional: false, declaredIn: 'kubelet.service.d/10.conf' },
    ]);
  });
  it('notes two ExecStart= lines left by a drop-in that forgot the reset', () => {
    const svc = mergeService(
      [
        { path: 'kubelet.service', content: '[Service]\nExecStart=/usr/bin/kubelet' },
        { path: 'kubelet.service.d/10.conf', content: '[Service]\nExecStart=/usr/bin/kubelet --v=2' },
      ],
      [],
    );
    expect(svc.notes.join()).toMatch(/more than one/);
  });
  it('splits $VAR words, keeps ${VAR} as one word, drops unset variables and keeps $$', () => {
    const env = new Map([
      ['A', { value: '--x=1 "--y=2 3"', definedIn: 'f', via: 'Environment' as const }],
      ['B', { value: 'a b', definedIn: 'f', via: 'Environment' as const }],
    ]);
    const { tokens, undefinedVariables } = expandExecStart(
      { command: '/usr/bin/kubelet $A --z=${B} $UNSET --cost=$$5', declaredIn: 'u', prefixes: '' },
      env,
    );
    expect(tokens.map((t) => t.text)).toEqual(['/usr/bin/kubelet', '--x=1', '--y=2 3', '--z=a b', '--cost=$5']);
    expect(tokens[1]?.origin).toEqual({ unit: 'u', variable: 'A', definedIn: 'f', via: 'Environment' });
    expect(undefinedVariables).toEqual(['UNSET']);
  });
});

describe('command lines from process listings', () => {
  it('unwraps ps -ef output hard-wrapped at 80 columns and ignores the grep line', () => {
    const r = extractKubeletArgv(PS_EF_WRAPPED);
    expect(r?.argv[0]).toBe('/usr/bin/kubelet');
    expect(r?.argv).toContain('--eviction-hard=memory.available<300Mi,nodefs.available<10%');
    expect(r?.argv).toContain('--client-ca-file=/etc/kubernetes/pki/ca.crt');
    expect(r?.argv.at(-1)).toBe('--kube-reserved=ephemeral-storage=1Gi');
    expect(r?.notes.join()).toMatch(/wrapped at 80 columns/);
  });
  it('reads the CGroup tree of systemctl status', () => {
    const r = extractKubeletArgv(SYSTEMCTL_STATUS);
    expect(r?.argv).toEqual([
      '/usr/bin/kubelet',
      '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
      '--kubeconfig=/etc/kubernetes/kubelet.conf',
      '--config=/var/lib/kubelet/config.yaml',
      '--container-runtime=remote',
      '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock',
      '--pod-infra-container-image=registry.k8s.io/pause:3.8',
      '--fail-swap-on=false',
      '--cgroup-driver=systemd',
      '--cgroups-per-qos=false',
      '--enforce-node-allocatable=',
    ]);
  });
  it('reads /proc/<pid>/cmdline with NUL separators', () => {
    expect(extractKubeletArgv('/usr/bin/kubelet\0--max-pods=64\0--node-labels=a=b c\0')?.argv).toEqual([
      '/usr/bin/kubelet',
      '--max-pods=64',
      '--node-labels=a=b c',
    ]);
  });
  it('joins backslash continuations', () => {
    expect(extractKubeletArgv('kubelet \\\n  --v=2 \\\n  --max-pods 30')?.argv).toEqual([
      'kubelet',
      '--v=2',
      '--max-pods',
      '30',
    ]);
  });
  it('drops the word systemctl status cut off with an ellipsis and says so', () => {
    const r = extractKubeletArgv(
      '     CGroup: /system.slice/kubelet.service\n             └─6443 /usr/bin/kubelet --max-pods=64 --kubeconfig=/etc/kube…',
    );
    expect(r?.argv).toEqual(['/usr/bin/kubelet', '--max-pods=64']);
    expect(r?.notes.join()).toMatch(/-l --no-pager/);
  });
  it('finds nothing in text without a kubelet process', () => {
    expect(extractKubeletArgv('root 1 0 0 ? 00:00:01 /sbin/init\n')).toBeUndefined();
  });
});
