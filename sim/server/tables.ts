/**
 * Server-side printing (meta.k8s.io Table) with the columns and cell formats of
 * kubernetes/kubernetes pkg/printers/internalversion/printers.go. The apiserver always generates the
 * wide (priority 1) columns; kubectl hides them unless `-o wide`.
 */
import type { KubeObject } from '../fleet/types';
import { ageSince, humanDuration } from './duration';
import { podCells } from './table-pods';

interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableDef {
  columns: ColumnDefinition[];
  cells(obj: KubeObject, now: number): Array<string | number>;
}

const col = (name: string, type: string, description: string, priority = 0, format = ''): ColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});
const NAME = col(
  'Name',
  'string',
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  0,
  'name',
);
const AGE = col(
  'Age',
  'string',
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
);

interface NodeWire {
  metadata: { name: string; labels?: Record<string, string>; creationTimestamp?: string };
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: Array<{ type: string; status: string }>;
    addresses?: Array<{ type: string; address: string }>;
    nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
  };
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` value, sorted. */
function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Only the Ready condition counts; "Unknown" without one; ",SchedulingDisabled" when cordoned. */
function nodeStatusCell(node: NodeWire): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: NodeWire, type: string) =>
  node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
const orUnknown = (v: string | undefined) => (v ? v : '<unknown>');

export const NODE_TABLE: TableDef = {
  columns: [
    NAME,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE,
    col('Version', 'string', 'Kubelet Version reported by the node.'),
    col(
      'Internal-IP',
      'string',
      "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
      1,
    ),
    col(
      'External-IP',
      'string',
      "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
      1,
    ),
    col(
      'OS-Image',
      'string',
      'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
      1,
    ),
    col(
      'Kernel-Version',
      'string',
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
      1,
    ),
    col(
      'Container-Runtime',
      'string',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      1,
    ),
  ],
  cells(obj, now) {
    const node = obj as unknown as NodeWire;
    const info = node.status?.nodeInfo ?? {};
    const roles = nodeRoles(node.metadata.labels).join(',');
    return [
      node.metadata.name,
      nodeStatusCell(node),
      roles || '<none>',
      ageSince(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      orUnknown(info.osImage),
      orUnknown(info.kernelVersion),
      orUnknown(info.containerRuntimeVersion),
    ];
  },
};

export const POD_TABLE: TableDef = {
  columns: [
    NAME,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE,
    col(
      'IP',
      'string',
      'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      1,
    ),
    col(
      'Node',
      'string',
      'NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements.',
      1,
    ),
    col(
      'Nominated Node',
      'string',
      'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also allow other pods to use the resources on this node.',
      1,
    ),
    col(
      'Readiness Gates',
      'string',
      'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
      1,
    ),
  ],
  cells: podCells,
};

interface CsrWire {
  metadata: { name: string; creationTimestamp?: string };
  spec?: { signerName?: string; username?: string; expirationSeconds?: number };
  status?: { conditions?: Array<{ type: string }>; certificate?: string };
}

/**
 * extractCSRStatus: Denied beats Approved beats Pending; then ",Failed" and ",Issued".
 * @internal exported for its unit tests
 */
export function csrCondition(csr: CsrWire): string {
  const types = new Set((csr.status?.conditions ?? []).map((c) => c.type));
  let status = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) status += ',Failed';
  if (csr.status?.certificate) status += ',Issued';
  return status;
}

export const CSR_TABLE: TableDef = {
  columns: [
    NAME,
    AGE,
    col('SignerName', 'string', 'Only include this column if the signer name is set'),
    col('Requestor', 'string', 'Name of the user who requested the certificate'),
    col('RequestedDuration', 'string', 'Requested duration of the issued certificate'),
    col('Condition', 'string', 'State of the signing request'),
  ],
  cells(obj, now) {
    const csr = obj as unknown as CsrWire;
    const seconds = csr.spec?.expirationSeconds;
    return [
      csr.metadata.name,
      ageSince(csr.metadata.creationTimestamp, now),
      csr.spec?.signerName || '<none>',
      csr.spec?.username ?? '',
      seconds === undefined ? '<none>' : humanDuration(seconds * 1000),
      csrCondition(csr),
    ];
  },
};

export const CONFIGMAP_TABLE: TableDef = {
  columns: [NAME, col('Data', 'string', 'Data contains the configuration data.'), AGE],
  cells: (obj, now) => [
    obj.metadata.name,
    Object.keys((obj.data as object | undefined) ?? {}).length,
    ageSince(obj.metadata.creationTimestamp, now),
  ],
};

export const NAMESPACE_TABLE: TableDef = {
  columns: [NAME, col('Status', 'string', 'The status of the namespace'), AGE],
  cells: (obj, now) => [
    obj.metadata.name,
    (obj.status as { phase?: string } | undefined)?.phase ?? 'Active',
    ageSince(obj.metadata.creationTimestamp, now),
  ],
};
