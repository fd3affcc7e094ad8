/**
 * QoS classes (pkg/apis/core/helper/qos). The eviction order itself is in ./eviction-order.ts.
 */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';
