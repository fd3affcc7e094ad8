/**
 * kubeadm writes this annotation on every node it initialises or joins (kubernetes/kubernetes
 * `cmd/kubeadm/app/constants/constants.go`, AnnotationKubeadmCRISocket; kubeadm's `PatchNodeOnce` in
 * `cmd/kubeadm/app/util/patchnode.go` sets it). Nodes made otherwise (managed clouds, binary installs, ACK, kubeasz)
 * do not carry it. A kubeadm node whose annotation was removed by hand looks like a non-kubeadm one: the evidence
 * says what it is, and the user can still tick the box.
 */
const KUBEADM_CRI_SOCKET_ANNOTATION = 'kubeadm.alpha.kubernetes.io/cri-socket';

export interface KubeadmEvidence {
  /** whether the node shows kubeadm's mark: the default of "use kube-system/kubelet-config" */
  kubeadm: boolean;
  /** the sentence shown beside the option */
  reason: string;
}

/** Whether this node was set up by kubeadm, judged from its annotations alone. */
export function kubeadmEvidence(annotations: Readonly<Record<string, string>>): KubeadmEvidence {
  return KUBEADM_CRI_SOCKET_ANNOTATION in annotations
    ? {
        kubeadm: true,
        reason: `Ticked by default: the node carries kubeadm's ${KUBEADM_CRI_SOCKET_ANNOTATION} annotation, so its kubelet likely starts from the ConfigMap's config.yaml.`,
      }
    : {
        kubeadm: false,
        reason: `Not ticked by default: the node has no ${KUBEADM_CRI_SOCKET_ANNOTATION} annotation, which kubeadm sets on the nodes it creates; its config.yaml is unlikely to come from the ConfigMap.`,
      };
}
