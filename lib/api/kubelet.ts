import { z } from 'zod';

/**
 * Kubelet payloads as the server reads them through the node proxy and passes them on (GET
 * /api/nodes/[name]/configz and /summary): one schema for both ends. Kubelet payloads have no generated types.
 * configz is not a stable API (its content is whatever KubeletConfiguration the kubelet version has), so we are
 * strict about the `{"kubeletconfig": …}` wrapper and permissive inside: every field survives for the config
 * views. stats/v1alpha1 Summary is permissive too: every leaf is optional (upstream
 * k8s.io/kubelet/pkg/apis/stats/v1alpha1/types.go marks them omitempty) and unknown fields are kept.
 */
export const ConfigzSchema = z.object({ kubeletconfig: z.record(z.string(), z.unknown()) });
export type Configz = z.infer<typeof ConfigzSchema>;

/** Every node page part says when the server read it (lib/server/node-detail.ts); panels show "read 12 s ago". */
const readAt = { fetchedAt: z.string().optional() };

/** GET /api/nodes/[name]/configz: the configz body and when the kubelet was read. */
export const ConfigzReadSchema = ConfigzSchema.extend(readAt);

const num = z.number().optional();
const time = z.string().optional();

const PsiSchema = z.looseObject({
  full: z.looseObject({ total: num, avg10: num, avg60: num, avg300: num }).optional(),
  some: z.looseObject({ total: num, avg10: num, avg60: num, avg300: num }).optional(),
});
const CpuSchema = z.looseObject({ time, usageNanoCores: num, usageCoreNanoSeconds: num, psi: PsiSchema.optional() });
const MemorySchema = z.looseObject({
  time,
  availableBytes: num,
  usageBytes: num,
  workingSetBytes: num,
  rssBytes: num,
  pageFaults: num,
  majorPageFaults: num,
  psi: PsiSchema.optional(),
});
const FsSchema = z.looseObject({
  time,
  availableBytes: num,
  capacityBytes: num,
  usedBytes: num,
  inodesFree: num,
  inodes: num,
  inodesUsed: num,
});
const InterfaceSchema = z.looseObject({
  name: z.string().optional(),
  rxBytes: num,
  rxErrors: num,
  txBytes: num,
  txErrors: num,
});
const NetworkSchema = InterfaceSchema.extend({ time, interfaces: z.array(InterfaceSchema).nullish() });
const SwapSchema = z.looseObject({ time, swapAvailableBytes: num, swapUsageBytes: num });
const ContainerSchema = z.looseObject({
  name: z.string().optional(),
  startTime: time,
  cpu: CpuSchema.nullish(),
  memory: MemorySchema.nullish(),
  swap: SwapSchema.nullish(),
  rootfs: FsSchema.nullish(),
  logs: FsSchema.nullish(),
});

export const SummarySchema = z.looseObject({
  node: z.looseObject({
    nodeName: z.string().optional(),
    systemContainers: z.array(ContainerSchema).nullish(),
    startTime: time,
    cpu: CpuSchema.nullish(),
    memory: MemorySchema.nullish(),
    swap: SwapSchema.nullish(),
    network: NetworkSchema.nullish(),
    fs: FsSchema.nullish(),
    runtime: z.looseObject({ imageFs: FsSchema.nullish(), containerFs: FsSchema.nullish() }).nullish(),
    rlimit: z.looseObject({ time, maxpid: num, curproc: num }).nullish(),
    io: z.looseObject({ time, psi: PsiSchema.optional() }).nullish(),
  }),
  pods: z
    .array(
      z.looseObject({
        podRef: z.looseObject({ name: z.string(), namespace: z.string(), uid: z.string().optional() }),
        startTime: time,
        containers: z.array(ContainerSchema).nullish(),
        cpu: CpuSchema.nullish(),
        memory: MemorySchema.nullish(),
        swap: SwapSchema.nullish(),
        network: NetworkSchema.nullish(),
        /** volumes; PersistentVolumeClaims carry pvcRef and do not count as local storage (eviction order) */
        volume: z.array(FsSchema.extend({ name: z.string().optional(), pvcRef: z.unknown().optional() })).nullish(),
        'ephemeral-storage': FsSchema.nullish(),
        process_stats: z.looseObject({ process_count: num }).nullish(),
      }),
    )
    .nullish(),
});
export type Summary = z.infer<typeof SummarySchema>;

/** GET /api/nodes/[name]/summary: the stats summary and when the kubelet was read. */
export const SummaryReadSchema = SummarySchema.extend(readAt);
