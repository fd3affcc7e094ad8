import { stringify } from 'yaml';
import type { KubeObject } from './types';

/**
 * kube-system/kubelet-config as `kubeadm init` v1.33 writes it (keys sorted, zero durations "0s" because
 * kubeadm marshals its defaulted-then-cleaned struct), plus what this cluster's admin put in
 * ClusterConfiguration's kubeletConfiguration: reservations, eviction, maxPods, serverTLSBootstrap.
 * serverTLSBootstrap is on because the demo has pending kubelet-serving CSRs from kubeadm nodes; without it
 * kubelets self-sign (tlsCertFile /var/lib/kubelet/pki/kubelet.crt) and never send one.
 */
export function kubeadmKubeletConfig(): Record<string, unknown> {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    authentication: {
      anonymous: { enabled: false },
      webhook: { cacheTTL: '0s', enabled: true },
      x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' },
    },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '0s', cacheUnauthorizedTTL: '0s' } },
    cgroupDriver: 'systemd',
    clusterDNS: ['10.96.0.10'],
    clusterDomain: 'cluster.local',
    containerRuntimeEndpoint: '',
    cpuManagerReconcilePeriod: '0s',
    crashLoopBackOff: {},
    evictionHard: {
      'imagefs.available': '15%',
      'memory.available': '300Mi',
      'nodefs.available': '15%',
      'nodefs.inodesFree': '5%',
    },
    evictionMinimumReclaim: { 'imagefs.available': '2Gi', 'memory.available': '100Mi', 'nodefs.available': '1Gi' },
    evictionPressureTransitionPeriod: '0s',
    fileCheckFrequency: '0s',
    healthzBindAddress: '127.0.0.1',
    healthzPort: 10248,
    httpCheckFrequency: '0s',
    imageMaximumGCAge: '0s',
    imageMinimumGCAge: '0s',
    kind: 'KubeletConfiguration',
    kubeReserved: { cpu: '300m', memory: '200Mi' },
    logging: {
      flushFrequency: 0,
      options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } },
      verbosity: 0,
    },
    maxPods: 32,
    memorySwap: {},
    nodeStatusReportFrequency: '0s',
    nodeStatusUpdateFrequency: '0s',
    rotateCertificates: true,
    runtimeRequestTimeout: '0s',
    serverTLSBootstrap: true,
    shutdownGracePeriod: '0s',
    shutdownGracePeriodCriticalPods: '0s',
    staticPodPath: '/etc/kubernetes/manifests',
    streamingConnectionIdleTimeout: '0s',
    syncFrequency: '0s',
    systemReserved: { cpu: '300m', memory: '300Mi' },
    volumeStatsAggPeriod: '0s',
  };
}

export function kubeadmConfigMap(creationTimestamp: string, uid: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kubelet-config', namespace: 'kube-system', uid, creationTimestamp },
    data: { kubelet: stringify(kubeadmKubeletConfig()) },
  };
}
