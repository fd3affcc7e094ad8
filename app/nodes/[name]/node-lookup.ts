import 'server-only';
import { cache } from 'react';
import type { Kube } from '@/lib/k8s/client';
import { getNode } from '@/lib/k8s/nodes';

/**
 * One GET of the node per page render: the segment's layout (is it there at all? answer 404 if not) and the pages
 * below it (detail, explain) share the answer through React's per-request cache.
 */
export const getNodeForPage = cache((kube: Kube, name: string) => getNode(kube, name));
