import 'server-only';
import { z } from 'zod';

/**
 * Wire schemas for the fields we read of each kind (core/v1 Node, Pod, ConfigMap; certificates/v1 CSR;
 * metrics.k8s.io/v1beta1 NodeMetrics). Only what the reshape functions use is declared, so new API fields
 * never break parsing; a field we rely on that is missing or mistyped is a MalformedResponse.
 */

const ResourceListSchema = z.record(z.string(), z.string());
const StringMapSchema = z.record(z.string(), z.string());

const ListMetaSchema = z.object({
  continue: z.string().optional(),
  resourceVersion: z.string().optional(),
  /** objects after this page, when the server can tell (a one-item page then counts a collection) */
  remainingItemCount: z.number().optional(),
});

/** A list response page: items plus the continue token for `limit`/`continue` chunking. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    metadata: ListMetaSchema.optional(),
    items: z
      .array(item)
      .nullable()
      .transform((x) => x ?? []),
  });

const ObjectMetaSchema = z.object({
  name: z.string(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  creationTimestamp: z.string().optional(),
  labels: StringMapSchema.optional(),
  annotations: StringMapSchema.optional(),
});

const WireConditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastHeartbeatTime: z.string().nullish(),
  lastTransitionTime: z.string().nullish(),
});

export const WireNodeSchema = z.object({
  metadata: ObjectMetaSchema,
  spec: z
    .object({
      unschedulable: z.boolean().optional(),
      taints: z.array(z.object({ key: z.string(), value: z.string().optional(), effect: z.string() })).optional(),
      podCIDRs: z.array(z.string()).optional(),
      providerID: z.string().optional(),
    })
    .optional(),
  status: z
    .object({
      conditions: z.array(WireConditionSchema).optional(),
      addresses: z.array(z.object({ type: z.string(), address: z.string() })).optional(),
      capacity: ResourceListSchema.optional(),
      allocatable: ResourceListSchema.optional(),
      nodeInfo: z
        .object({
          kubeletVersion: z.string(),
          osImage: z.string(),
          kernelVersion: z.string(),
          architecture: z.string(),
          containerRuntimeVersion: z.string(),
          operatingSystem: z.string().optional(),
          kubeProxyVersion: z.string().optional(),
          /** changes on every reboot: the fleet cache re-reads configz when it does */
          bootID: z.string().optional(),
        })
        .optional(),
      daemonEndpoints: z.object({ kubeletEndpoint: z.object({ Port: z.number() }).optional() }).optional(),
    })
    .optional(),
});
export type WireNode = z.infer<typeof WireNodeSchema>;

const ResourcesSchema = z
  .object({ requests: ResourceListSchema.optional(), limits: ResourceListSchema.optional() })
  .optional();

const WireContainerSchema = z.object({
  name: z.string(),
  resources: ResourcesSchema,
  /** "Always" on an init container makes it a sidecar (restartable init container, KEP-753) */
  restartPolicy: z.string().optional(),
});

export const WirePodSchema = z.object({
  metadata: ObjectMetaSchema.extend({ namespace: z.string() }),
  spec: z.object({
    nodeName: z.string().optional(),
    priority: z.number().optional(),
    overhead: ResourceListSchema.optional(),
    /** pod-level resources (PodLevelResources, 1.32+) */
    resources: ResourcesSchema,
    containers: z.array(WireContainerSchema),
    initContainers: z.array(WireContainerSchema).optional(),
  }),
  status: z.object({ phase: z.string().optional(), qosClass: z.string().optional() }).optional(),
});
export type WirePod = z.infer<typeof WirePodSchema>;

export const WireNodeMetricsSchema = z.object({
  metadata: z.object({ name: z.string() }),
  timestamp: z.string(),
  window: z.string(),
  usage: z.object({ cpu: z.string(), memory: z.string() }),
});
export type WireNodeMetrics = z.infer<typeof WireNodeMetricsSchema>;

// CertificateSigningRequests are read with ReviewCsrWireSchema (lib/k8s/csrs.ts), the one CSR wire schema.

export const WireConfigMapSchema = z.object({
  metadata: ObjectMetaSchema.extend({ namespace: z.string() }),
  data: StringMapSchema.nullish(),
});
