import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFleet } from './create-fleet';
import { DEMO_CSRS, DEMO_JOINING_NODE, DEMO_NODES } from './demo-layout';
import { kubeadmKubeletConfig } from './kubeadm-configmap';
import { minorOf } from './kubelet-defaults';
import { parseBytes, parseCpuMillis, thresholdBytes } from './quantity';
import type { Fleet, SimNode } from './types';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const NOW = new Date('2026-03-01T12:00:00Z');

// The wire shapes these tests read (the fleet hands out untyped JSON, as the apiserver does).
interface NodeStatusJson {
  conditions: Array<{ type: string; status: string }>;
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  addresses: Array<{ type: string; address: string }>;
}
interface NodeSpecJson {
  taints?: Array<{ key: string; effect: string }>;
  unschedulable?: boolean;
}
interface PodSpecJson {
  nodeName?: string;
}
interface MemoryStatsJson {
  time: string;
  availableBytes: number;
  workingSetBytes: number;
}
interface SummaryJson {
  node: {
    startTime: string;
    systemContainers: Array<{ name: string }>;
    cpu: { time: string; usageNanoCores: number };
    memory: MemoryStatsJson;
    fs: {
      availableBytes: number;
      usedBytes: number;
      capacityBytes: number;
      inodesFree: number;
      inodesUsed: number;
      inodes: number;
    };
    rlimit: { curproc: number; maxpid: number };
    runtime: Record<string, unknown>;
  };
  pods: Array<{ containers: Array<Record<string, unknown>>; memory: MemoryStatsJson }>;
}
interface NodeMetricsJson {
  timestamp: string;
  usage: { cpu: string; memory: string };
}
interface CsrJson {
  metadata: { name: string };
  spec: {
    request: string;
    username: string;
    groups: string[];
    signerName: string;
    usages: string[];
    expirationSeconds?: number;
  };
  status: { certificate?: string; conditions?: Array<{ type: string; reason: string; message: string }> };
}
interface KubeletConfigYaml {
  apiVersion: string;
  kind: string;
  maxPods: number;
}

let fleet: Fleet;
beforeAll(async () => {
  fleet = await createFleet({ scenario: 'demo', now: NOW });
});

const status = (n: SimNode) => n.object.status as unknown as NodeStatusJson;
const node = (name: string) => {
  const n = fleet.nodes.find((x) => x.name === name);
  if (!n) throw new Error(name);
  return n;
};
const cond = (n: SimNode, type: string) => status(n).conditions.find((c) => c.type === type)?.status;
/** Ki or plain bytes */
const bytes = (q: string) => parseBytes(q);

describe('demo cast', () => {
  it('has every node of demo-layout.ts and none for the joining node', () => {
    const names = fleet.nodes.map((n) => n.name);
    const expected = [
      DEMO_NODES.controlPlane,
      ...DEMO_NODES.kubeadmClean,
      DEMO_NODES.driftMaxPods,
      DEMO_NODES.driftEviction,
      DEMO_NODES.oldKubelet,
      DEMO_NODES.driftCgroupDriver,
      DEMO_NODES.notReady,
      DEMO_NODES.diskPressure,
      ...DEMO_NODES.ack,
      ...DEMO_NODES.kubeasz,
      ...DEMO_NODES.eks,
      ...DEMO_NODES.gke,
      DEMO_NODES.hardened,
      DEMO_NODES.legacy,
    ];
    expect(new Set(names)).toEqual(new Set(expected));
    expect(names).not.toContain(DEMO_JOINING_NODE);
  });

  it('puts 8–20 pods on every node', () => {
    for (const n of fleet.nodes) {
      const count = fleet.pods.filter((p) => (p.spec as PodSpecJson).nodeName === n.name).length;
      expect(count, n.name).toBeGreaterThanOrEqual(8);
      expect(count, n.name).toBeLessThanOrEqual(20);
    }
  });

  it('applies the documented drift', () => {
    expect(node(DEMO_NODES.driftMaxPods).kubeletConfig.maxPods).toBe(64);
    expect(
      (node(DEMO_NODES.driftEviction).kubeletConfig.evictionHard as Record<string, string>)['memory.available'],
    ).toBe('500Mi');
    expect(node(DEMO_NODES.oldKubelet).kubeletVersion).toBe('v1.29.15');
    expect(node(DEMO_NODES.driftCgroupDriver).kubeletConfig.cgroupDriver).toBe('cgroupfs');
    expect(node(DEMO_NODES.kubeadmClean[0]).kubeletConfig.cgroupDriver).toBe('systemd');
  });
});

describe('allocatable', () => {
  it('equals capacity − kubeReserved − systemReserved − hard eviction for every node and resource', () => {
    for (const n of fleet.nodes) {
      const cap = status(n).capacity as Record<string, string>;
      const alloc = status(n).allocatable as Record<string, string>;
      const kube = (n.kubeletConfig.kubeReserved ?? {}) as Record<string, string>;
      const sys = (n.kubeletConfig.systemReserved ?? {}) as Record<string, string>;
      const hard = (n.kubeletConfig.evictionHard ?? {}) as Record<string, string>;
      const capMem = bytes(cap.memory as string);
      const capFs = bytes(cap['ephemeral-storage'] as string);
      const memHard = hard['memory.available'] ? thresholdBytes(hard['memory.available'], capMem) : 0n;
      const fsHard = hard['nodefs.available'] ? thresholdBytes(hard['nodefs.available'], capFs) : 0n;
      const b = (q?: string) => (q ? bytes(q) : 0n);
      const c = (q?: string) => (q ? parseCpuMillis(q) : 0n);
      expect(parseCpuMillis(alloc.cpu as string), n.name).toBe(
        parseCpuMillis(cap.cpu as string) - c(kube.cpu) - c(sys.cpu),
      );
      expect(bytes(alloc.memory as string), n.name).toBe(capMem - b(kube.memory) - b(sys.memory) - memHard);
      expect(BigInt(alloc['ephemeral-storage'] as string), n.name).toBe(
        capFs - b(kube['ephemeral-storage']) - b(sys['ephemeral-storage']) - fsHard,
      );
      expect(alloc.pods).toBe(String(n.kubeletConfig.maxPods));
      expect(alloc.memory).toMatch(/^\d+Ki$/);
      expect(alloc['ephemeral-storage']).toMatch(/^\d+$/);
    }
  });
});

describe('summary', () => {
  const healthy = () => fleet.nodes.filter((n) => cond(n, 'Ready') === 'True');

  it('has the node and pod keys of summary-api-shape.md', () => {
    const s = fleet.summary(DEMO_NODES.kubeadmClean[0], NOW, false) as unknown as SummaryJson;
    for (const k of [
      'nodeName',
      'systemContainers',
      'startTime',
      'cpu',
      'memory',
      'network',
      'fs',
      'runtime',
      'rlimit',
      'swap',
    ])
      expect(s.node, k).toHaveProperty(k);
    expect(s.node.systemContainers.map((c) => c.name)).toEqual(['kubelet', 'runtime', 'pods']);
    expect(Object.keys(s.node.cpu)).toEqual(['time', 'usageNanoCores', 'usageCoreNanoSeconds']);
    expect(Object.keys(s.node.memory)).toEqual([
      'time',
      'availableBytes',
      'usageBytes',
      'workingSetBytes',
      'rssBytes',
      'pageFaults',
      'majorPageFaults',
    ]);
    expect(s.node.runtime).toHaveProperty('imageFs');
    expect(s.node.runtime).toHaveProperty('containerFs');
    const pod = s.pods[0];
    for (const k of [
      'podRef',
      'startTime',
      'containers',
      'cpu',
      'memory',
      'volume',
      'ephemeral-storage',
      'process_stats',
    ])
      expect(pod, k).toHaveProperty(k);
    expect(s.node.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('serves one sample per 10 s housekeeping interval, taken 1–10 s before the request', () => {
    const name = DEMO_NODES.kubeadmClean[0];
    const times = Array.from({ length: 20 }, (_, i) => {
      const at = new Date(NOW.getTime() + i * 1000);
      const s = fleet.summary(name, at, false) as unknown as SummaryJson;
      const lagS = (at.getTime() - Date.parse(s.node.cpu.time)) / 1000;
      expect(lagS).toBeGreaterThanOrEqual(1);
      expect(lagS).toBeLessThanOrEqual(10);
      return s.node.cpu.time;
    });
    const distinct = [...new Set(times)].map((t) => Date.parse(t));
    expect(distinct.length).toBeGreaterThanOrEqual(2);
    distinct.slice(1).forEach((t, i) => expect(t - (distinct[i] ?? 0)).toBe(10_000));
    // the whole Summary is a function of the sample: any two requests within one interval get the same body
    expect(JSON.stringify(fleet.summary(name, NOW, false))).toBe(
      JSON.stringify(fleet.summary(name, new Date(Date.parse(times[0] ?? '') + 1000), false)),
    );
  });

  it('omits containerFs before 1.29 and swap before 1.28', () => {
    const old = fleet.summary(DEMO_NODES.kubeasz[1], NOW, false) as unknown as SummaryJson; // v1.27
    expect(old.node.runtime).not.toHaveProperty('containerFs');
    expect(old.node).not.toHaveProperty('swap');
  });

  it('only_cpu_and_memory keeps just cpu and memory', () => {
    const s = fleet.summary(DEMO_NODES.kubeadmClean[0], NOW, true) as unknown as SummaryJson;
    expect(Object.keys(s.node).sort()).toEqual(['cpu', 'memory', 'nodeName', 'startTime', 'systemContainers']);
    for (const p of s.pods) {
      expect(Object.keys(p).sort()).toEqual(['containers', 'cpu', 'memory', 'podRef', 'startTime']);
      for (const c of p.containers) expect(Object.keys(c).sort()).toEqual(['cpu', 'memory', 'name', 'startTime']);
    }
  });

  it('keeps memory, fs and pid numbers consistent', () => {
    for (const n of healthy()) {
      const s = fleet.summary(n.name, NOW, false) as unknown as SummaryJson;
      const capMem = Number(bytes(status(n).capacity.memory ?? ''));
      expect(s.node.memory.availableBytes, n.name).toBe(capMem - s.node.memory.workingSetBytes);
      const podWs = s.pods.reduce((a, p) => a + p.memory.workingSetBytes, 0);
      expect(s.node.memory.workingSetBytes).toBeGreaterThanOrEqual(podWs);
      expect(s.node.fs.availableBytes + s.node.fs.usedBytes).toBe(s.node.fs.capacityBytes);
      expect(s.node.fs.inodesFree + s.node.fs.inodesUsed).toBe(s.node.fs.inodes);
      expect(s.node.rlimit.curproc).toBeLessThan(s.node.rlimit.maxpid);
      expect(Number(bytes(status(n).capacity['ephemeral-storage'] ?? ''))).toBe(s.node.fs.capacityBytes);
    }
  });
});

describe('pressure', () => {
  const check = (at: Date) => {
    for (const n of fleet.nodes.filter((x) => cond(x, 'Ready') === 'True')) {
      const s = fleet.summary(n.name, at, false) as unknown as SummaryJson;
      const hard = n.kubeletConfig.evictionHard as Record<string, string>;
      const memT = hard['memory.available']
        ? Number(
            thresholdBytes(
              hard['memory.available'],
              BigInt(s.node.memory.availableBytes + s.node.memory.workingSetBytes),
            ),
          )
        : 0;
      const fsT = hard['nodefs.available']
        ? Number(thresholdBytes(hard['nodefs.available'], BigInt(s.node.fs.capacityBytes)))
        : 0;
      const memLow = s.node.memory.availableBytes < memT;
      const fsLow = s.node.fs.availableBytes < fsT;
      expect(cond(n, 'MemoryPressure'), `${n.name} at ${at.toISOString()}`).toBe(memLow ? 'True' : 'False');
      expect(cond(n, 'DiskPressure'), n.name).toBe(fsLow ? 'True' : 'False');
      expect(memLow).toBe(n.name === DEMO_NODES.memoryPressure);
      expect(fsLow).toBe(n.name === DEMO_NODES.diskPressure);
      if (!memLow) expect(s.node.memory.availableBytes).toBeGreaterThan(memT * 1.5);
    }
  };

  it('follows each node’s thresholds over several ticks', async () => {
    check(NOW);
    for (let i = 1; i <= 6; i++) {
      const at = new Date(NOW.getTime() + i * 97_000);
      await fleet.tick(at);
      check(at);
    }
  });

  it('taints pressure, NotReady and cordoned nodes', () => {
    const keys = (name: string) =>
      ((node(name).object.spec as NodeSpecJson).taints ?? []).map((t) => `${t.key}:${t.effect}`);
    expect(keys(DEMO_NODES.memoryPressure)).toContain('node.kubernetes.io/memory-pressure:NoSchedule');
    expect(keys(DEMO_NODES.diskPressure)).toContain('node.kubernetes.io/disk-pressure:NoSchedule');
    expect(keys(DEMO_NODES.notReady)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(keys(DEMO_NODES.controlPlane)).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(fleet.nodes.filter((n) => (n.object.spec as NodeSpecJson).unschedulable === true)).toHaveLength(1);
    expect(cond(node(DEMO_NODES.notReady), 'Ready')).toBe('Unknown');
  });
});

describe('metrics', () => {
  it('NodeMetrics equal the summary’s cpu and working set', () => {
    for (const n of fleet.nodes) {
      const m = fleet.nodeMetrics(n.name, NOW) as unknown as NodeMetricsJson | undefined;
      const scrapeable = cond(n, 'Ready') === 'True' && (!n.fault || n.fault.kind === 'slow');
      expect(m !== undefined, n.name).toBe(scrapeable);
      if (!m) continue;
      const s = fleet.summary(n.name, NOW, true) as unknown as SummaryJson;
      expect(m.usage.cpu).toBe(`${s.node.cpu.usageNanoCores}n`);
      expect(Math.abs(Number(bytes(m.usage.memory)) - s.node.memory.workingSetBytes)).toBeLessThan(1024);
      expect(m.timestamp).toBe(s.node.memory.time);
    }
  });

  it('PodMetrics cover only scrapeable nodes', () => {
    const names = new Set(fleet.podMetrics(NOW).map((p) => p.metadata.name));
    const onUnreachable = fleet.pods.filter((p) => (p.spec as PodSpecJson).nodeName === DEMO_NODES.unreachable);
    expect(onUnreachable.length).toBeGreaterThan(0);
    for (const p of onUnreachable) expect(names.has(p.metadata.name)).toBe(false);
  });
});

describe('kubelet config per version', () => {
  it('carries only the fields that version has', () => {
    for (const n of fleet.nodes) {
      const minor = minorOf(n.kubeletVersion);
      const c = n.kubeletConfig;
      expect('failCgroupV1' in c, n.name).toBe(minor >= 31);
      expect('crashLoopBackOff' in c, n.name).toBe(minor >= 32);
      expect('mergeDefaultEvictionSettings' in c, n.name).toBe(minor >= 33);
      expect('imageMaximumGCAge' in c, n.name).toBe(minor >= 29);
      expect('containerLogMaxWorkers' in c, n.name).toBe(minor >= 30);
      expect('podLogsDir' in c, n.name).toBe(minor >= 30);
      expect(c).toHaveProperty('containerRuntimeEndpoint');
      expect(c).not.toHaveProperty('apiVersion');
      expect(c).not.toHaveProperty('readOnlyPort', 0);
    }
  });

  it('differs in hardening per profile: legacy keeps the flag defaults, hardened follows CIS and the STIG', () => {
    const config = (name: string) => fleet.nodes.find((n) => n.name === name)?.kubeletConfig ?? {};
    const legacy = config(DEMO_NODES.legacy);
    // applyLegacyDefaults (cmd/kubelet/app/options/options.go): what a kubelet without --config runs with
    expect(legacy).toMatchObject({
      readOnlyPort: 10255,
      authentication: { anonymous: { enabled: true }, webhook: { enabled: false } },
      authorization: { mode: 'AlwaysAllow' },
    });
    expect(legacy).not.toHaveProperty('rotateCertificates');
    const hardened = config(DEMO_NODES.hardened);
    expect(hardened).toMatchObject({
      protectKernelDefaults: true,
      podPidsLimit: 4096,
      seccompDefault: true,
      streamingConnectionIdleTimeout: '5m0s',
      rotateCertificates: true,
      serverTLSBootstrap: true,
      authorization: { mode: 'Webhook' },
    });
    expect(hardened).not.toHaveProperty('readOnlyPort');
    expect(hardened).not.toHaveProperty('staticPodPath');
    // the stock kubeadm workers keep kubeadm's defaults
    expect(config('k8s-worker-1')).not.toHaveProperty('protectKernelDefaults');
    expect(config('k8s-worker-1')).toHaveProperty('staticPodPath', '/etc/kubernetes/manifests');
  });

  it('ships kube-system/kubelet-config whose YAML parses to the kubeadm config', () => {
    const cm = fleet.configMaps.find(
      (c) => c.metadata.name === 'kubelet-config' && c.metadata.namespace === 'kube-system',
    );
    const parsed = parse(String((cm?.data as Record<string, unknown> | undefined)?.kubelet)) as KubeletConfigYaml;
    expect(parsed).toEqual(kubeadmKubeletConfig());
    expect(parsed.kind).toBe('KubeletConfiguration');
    expect(parsed.apiVersion).toBe('kubelet.config.k8s.io/v1beta1');
    expect(parsed.maxPods).toBe(32);
  });
});

describe('CSRs', () => {
  const csr = (name: string): CsrJson => {
    const c = fleet.csrs.find((x) => x.metadata.name === name);
    if (!c) throw new Error(name);
    return c as unknown as CsrJson;
  };
  const decode = (c: CsrJson) =>
    new x509.Pkcs10CertificateRequest(Buffer.from(c.spec.request, 'base64').toString('utf8'));
  const sans = (r: x509.Pkcs10CertificateRequest) => {
    const raw = r.getExtension('2.5.29.17');
    const names = raw ? new x509.SubjectAlternativeNameExtension(raw.rawData).names.toJSON() : [];
    return {
      dns: names.filter((n) => n.type === 'dns').map((n) => n.value),
      ips: names.filter((n) => n.type === 'ip').map((n) => n.value),
    };
  };
  const addresses = (name: string) => status(node(name)).addresses;

  it('implements every DEMO_CSRS entry with a parseable PKCS#10 request except the invalid one', async () => {
    for (const name of Object.values(DEMO_CSRS)) {
      const c = csr(name);
      if (name === DEMO_CSRS.hostileInvalidRequest) {
        const pem = Buffer.from(c.spec.request, 'base64').toString('utf8');
        expect(pem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+\n-----END CERTIFICATE REQUEST-----\n$/);
        expect(() => new x509.Pkcs10CertificateRequest(pem)).toThrow();
        continue;
      }
      const r = decode(c);
      expect(await r.verify(), name).toBe(true);
      expect(r.publicKey.algorithm.name).toBe('ECDSA');
    }
  });

  it('matches CN and SANs to the node a good serving CSR claims', () => {
    for (const [name, nodeName] of [
      [DEMO_CSRS.goodServing, DEMO_NODES.kubeadmClean[0]],
      [DEMO_CSRS.goodServing2, DEMO_NODES.ack[0]],
    ] as const) {
      const c = csr(name);
      const r = decode(c);
      expect(r.subject).toBe(`CN=system:node:${nodeName}, O=system:nodes`);
      expect(c.spec.username).toBe(`system:node:${nodeName}`);
      expect(c.spec.groups).toEqual(['system:nodes', 'system:authenticated']);
      expect(c.spec.signerName).toBe('kubernetes.io/kubelet-serving');
      const addr = addresses(nodeName);
      expect(sans(r).ips.sort()).toEqual(
        addr
          .filter((a) => a.type.endsWith('IP'))
          .map((a) => a.address)
          .sort(),
      );
      expect(sans(r).dns).toContain(nodeName);
      expect(c.status).toEqual({});
    }
  });

  it('makes the bootstrap and renewal client CSRs as kubelets do', () => {
    const b = csr(DEMO_CSRS.goodBootstrapClient);
    expect(b.spec.username).toBe('system:bootstrap:abcdef');
    expect(b.spec.groups).toEqual([
      'system:bootstrappers',
      'system:bootstrappers:kubeadm:default-node-token',
      'system:authenticated',
    ]);
    expect(decode(b).subject).toBe(`CN=system:node:${DEMO_JOINING_NODE}, O=system:nodes`);
    expect(b.spec.signerName).toBe('kubernetes.io/kube-apiserver-client-kubelet');
    const r = csr(DEMO_CSRS.goodClientRenewal);
    expect(r.spec.username).toBe(`system:node:${DEMO_NODES.memoryPressure}`);
    expect(sans(decode(r))).toEqual({ dns: [], ips: [] });
    expect(r.spec.usages).toEqual(['digital signature', 'client auth']);
  });

  it('makes the hostile CSRs hostile in the documented way', () => {
    const ipOf = (n: string) => addresses(n).find((a) => a.type === 'InternalIP')?.address;
    expect(sans(decode(csr(DEMO_CSRS.hostileOtherNodeIp))).ips).toContain(ipOf(DEMO_NODES.kubeadmClean[0]));
    expect(csr(DEMO_CSRS.hostileOtherNodeIp).spec.username).toBe(`system:node:${DEMO_NODES.driftMaxPods}`);
    expect(sans(decode(csr(DEMO_CSRS.hostileOutsideDns))).dns).toEqual(
      expect.arrayContaining(['kubernetes.default.svc', 'api.attacker.example']),
    );
    const cnm = csr(DEMO_CSRS.hostileCnMismatch);
    expect(cnm.spec.username).toBe(`system:node:${DEMO_NODES.oldKubelet}`);
    expect(decode(cnm).subject).toContain(`CN=system:node:${DEMO_NODES.controlPlane}`);
    const usg = csr(DEMO_CSRS.hostileClientUsage);
    expect(usg.spec.signerName).toBe('kubernetes.io/kubelet-serving');
    expect(usg.spec.usages).toContain('client auth');
    expect(csr(DEMO_CSRS.otherSigner).spec.signerName).toBe('example.com/mtls');
  });

  it('records decisions like the real approvers and issues real certificates', async () => {
    const conds = (n: string) => (csr(n).status.conditions ?? []).map((c) => `${c.type}/${c.reason}`);
    expect(conds(DEMO_CSRS.approvedIssued)).toEqual(['Approved/KubectlApprove']);
    expect(csr(DEMO_CSRS.approvedIssued).status.conditions?.[0]?.message).toBe(
      'This CSR was approved by kubectl certificate approve.',
    );
    expect(conds(DEMO_CSRS.autoApproved)).toEqual(['Approved/AutoApproved']);
    expect(csr(DEMO_CSRS.autoApproved).status.conditions?.[0]?.message).toBe(
      'Auto approving self kubelet client certificate after SubjectAccessReview.',
    );
    expect(csr(DEMO_CSRS.autoApproved).spec.username).toBe(`system:node:${DEMO_NODES.diskPressure}`);
    expect(conds(DEMO_CSRS.eksApproved)).toEqual(['Approved/AutoApproved']);
    expect(csr(DEMO_CSRS.eksApproved).status.conditions?.[0]?.message).toBe(
      'Auto approving self kubelet server certificate after SubjectAccessReview.',
    );
    expect(conds(DEMO_CSRS.denied)).toEqual(['Denied/KubectlDeny']);
    expect(conds(DEMO_CSRS.failed)).toEqual(['Approved/KubectlApprove', 'Failed/SignerValidationFailure']);
    expect(csr(DEMO_CSRS.failed).status).not.toHaveProperty('certificate');
    const expired = new x509.X509Certificate(
      Buffer.from(csr(DEMO_CSRS.expiredIssued).status.certificate ?? '', 'base64').toString('utf8'),
    );
    expect(expired.notAfter.getTime()).toBeLessThan(NOW.getTime() - 9 * 86400_000);
    for (const n of [DEMO_CSRS.approvedIssued, DEMO_CSRS.autoApproved, DEMO_CSRS.eksApproved]) {
      const c = csr(n);
      const cert = new x509.X509Certificate(Buffer.from(c.status.certificate ?? '', 'base64').toString('utf8'));
      expect(cert.issuer).toBe('CN=kubernetes');
      expect(cert.subject).toBe(decode(c).subject);
      expect(cert.publicKey.rawData).toEqual(decode(c).publicKey.rawData);
    }
  });

  it('tick() adds a pending CSR every csrIntervalSeconds', async () => {
    const f = await createFleet({ scenario: 'demo', now: NOW, csrIntervalSeconds: 60 });
    expect((await f.tick(new Date(NOW.getTime() + 30_000))).newCsrs).toHaveLength(0);
    const r = await f.tick(new Date(NOW.getTime() + 61_000));
    expect(r.newCsrs).toHaveLength(1);
    const c = r.newCsrs[0] as unknown as CsrJson;
    expect(c.status).toEqual({});
    expect(new Set(fleet.csrs.map((x) => x.metadata.name)).has(c.metadata.name)).toBe(false);
  });
});

describe('determinism', () => {
  it('builds the same nodes and pods from the same seed', async () => {
    const again = await createFleet({ scenario: 'demo', now: NOW });
    expect(JSON.stringify(again.nodes.map((n) => n.object))).toBe(
      JSON.stringify((await createFleet({ scenario: 'demo', now: NOW })).nodes.map((n) => n.object)),
    );
    expect(again.pods.map((p) => p.metadata.uid)).toEqual(
      (await createFleet({ scenario: 'demo', now: NOW })).pods.map((p) => p.metadata.uid),
    );
  });
});
