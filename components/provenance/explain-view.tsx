'use client';

import { useEffect, useId, useState } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Icon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/use-hydrated';
import type { KubeadmEvidence } from '@/lib/domain/provenance/kubeadm-node';
import {
  explainRequestTooLarge,
  inputTooLarge,
  MAX_INPUT_CHARS,
  MAX_INPUTS,
  type ExplainRequest,
  type InputKindChoice,
} from '@/lib/api/provenance';
import { useExplainNodeConfig } from '@/lib/queries/provenance';
import { loadDraft, saveDraft } from './draft-storage';
import { InputEditor, type DraftInput } from './input-editor';
import { ExplainResults } from './results';

const STARTERS: ReadonlyArray<Omit<DraftInput, 'id'>> = [
  { kind: 'unit', path: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', content: '' },
  { kind: 'env', path: '/etc/default/kubelet', content: '' },
  { kind: 'command-line', path: 'ps -ef | grep kubelet', content: '' },
  { kind: 'kubelet-config', path: '/var/lib/kubelet/config.yaml', content: '' },
];

/**
 * Files a kubelet's settings usually come from, by install method: kubeadm (its drop-in, kubeadm-flags.env and
 * config.yaml; kubernetes/release `cmd/krel/templates/latest/kubeadm/10-kubeadm.conf`), the distro env files the
 * drop-in loads (Debian/Ubuntu /etc/default, RHEL /etc/sysconfig), a plain unit, and EKS's config file.
 */
const USUAL_FILES: ReadonlyArray<Omit<DraftInput, 'id' | 'content'>> = [
  { kind: 'env', path: '/var/lib/kubelet/kubeadm-flags.env' },
  { kind: 'unit', path: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf' },
  { kind: 'unit', path: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf' },
  { kind: 'kubelet-config', path: '/var/lib/kubelet/config.yaml' },
  { kind: 'env', path: '/etc/default/kubelet' },
  { kind: 'env', path: '/etc/sysconfig/kubelet' },
  { kind: 'unit', path: '/etc/systemd/system/kubelet.service' },
  { kind: 'kubelet-config', path: '/etc/kubernetes/kubelet/kubelet-config.json' },
  { kind: 'command-line', path: 'ps -ef | grep kubelet' },
];

let nextId = 0;
const draft = (d: Omit<DraftInput, 'id'>): DraftInput => ({ ...d, id: `in-${nextId++}` });

/**
 * The paste/upload form and, once answered, the explanation. What is pasted stays in the browser tab
 * (sessionStorage, ./draft-storage.ts) and goes to the server only with "Explain"; the form renders after
 * hydration because only the browser has that storage.
 */
export function ExplainView({ node, kubeadm }: { node: string; kubeadm?: KubeadmEvidence }) {
  const hydrated = useHydrated();
  return hydrated ? <ExplainForm node={node} kubeadm={kubeadm} /> : <Skeleton className="h-96 w-full" />;
}

function ExplainForm({ node, kubeadm }: { node: string; kubeadm?: KubeadmEvidence }) {
  const [restored] = useState(() => loadDraft(node));
  const [inputs, setInputs] = useState<DraftInput[]>(() => (restored?.inputs ?? STARTERS).map(draft));
  const [useConfigMap, setUseConfigMap] = useState(restored?.useConfigMap ?? kubeadm?.kubeadm ?? false);
  useEffect(() => {
    saveDraft(node, { inputs: inputs.map(({ kind, path, content }) => ({ kind, path, content })), useConfigMap });
  }, [node, inputs, useConfigMap]);
  const [skippedUploads, setSkippedUploads] = useState<string[]>([]);
  const explain = useExplainNodeConfig(node);
  const uploadId = useId();

  const update = (id: string, patch: Partial<DraftInput>) =>
    setInputs((all) => all.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  const remove = (id: string) => setInputs((all) => all.filter((i) => i.id !== id));
  const add = (d: Omit<DraftInput, 'id'>) => setInputs((all) => (all.length >= MAX_INPUTS ? all : [...all, draft(d)]));

  async function onUpload(files: FileList | null) {
    const skipped: string[] = [];
    for (const file of Array.from(files ?? []).slice(0, MAX_INPUTS)) {
      // UTF-8 takes at most 4 bytes per character: a file above 4× the limit cannot fit, so it is not even read
      const text = file.size > 4 * MAX_INPUT_CHARS ? undefined : await file.text();
      const tooLarge = inputTooLarge(text?.length ?? file.size);
      if (tooLarge || text === undefined) skipped.push(`${file.name} was not added: ${tooLarge}.`);
      else add({ kind: 'auto', path: file.name, content: text });
    }
    setSkippedUploads(skipped);
  }

  const filled = inputs.filter((i) => i.content.trim() !== '');
  const body: ExplainRequest = {
    inputs: filled.map(({ kind, path, content }) => ({ kind, path, content })),
    useClusterConfigMap: useConfigMap,
  };
  // The server's limits, checked here first: nothing too large is sent (the server would answer 413/422).
  const tooLarge = filled.some((i) => inputTooLarge(i.content.length))
    ? 'A pasted text is too large; shorten it or remove it.'
    : explainRequestTooLarge(body);
  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!tooLarge) explain.mutate(body);
  }

  return (
    <div className="flex flex-col gap-6">
      <p
        role="note"
        className="flex items-start gap-2 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100"
      >
        <Icon name="info" className="mt-0.5 size-4 shrink-0" />
        <span>
          <strong>Nothing you paste is stored on the server or leaves this dashboard&apos;s server.</strong> It is sent
          once to the dashboard to compute the answer below and is not saved, logged or forwarded to the cluster;
          secrets such as bootstrap tokens are redacted from anything shown back. This browser tab keeps what you pasted
          (sessionStorage) so Back or a reload loses nothing, and forgets it when the tab closes. Only the node&apos;s
          version, live configz and kubeadm&apos;s kubelet ConfigMap are read from the cluster.
        </span>
      </p>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Node files">
        <div className="grid gap-4 lg:grid-cols-2">
          {inputs.map((input) => (
            <InputEditor
              key={input.id}
              input={input}
              onChange={(p) => update(input.id, p)}
              onRemove={() => remove(input.id)}
            />
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            onClick={() => add({ kind: 'auto' as InputKindChoice, path: '', content: '' })}
            disabled={inputs.length >= MAX_INPUTS}
          >
            Add another file
          </Button>
          <label
            htmlFor={uploadId}
            className="cursor-pointer text-sm font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
          >
            Upload files…
          </label>
          <input
            id={uploadId}
            type="file"
            multiple
            className="sr-only"
            onChange={(e) => void onUpload(e.target.files)}
          />
          <SelectField
            label="Add a usual file"
            value=""
            disabled={inputs.length >= MAX_INPUTS}
            data-testid="add-usual-file"
            onChange={(e) => {
              const file = USUAL_FILES.find((f) => f.path === e.target.value);
              if (file) add({ ...file, content: '' });
            }}
          >
            <option value="">Choose…</option>
            {USUAL_FILES.filter((f) => !inputs.some((i) => i.path === f.path)).map((f) => (
              <option key={f.path} value={f.path}>
                {f.path}
              </option>
            ))}
          </SelectField>
          <div className="flex max-w-xl flex-col gap-0.5">
            <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
              <input
                type="checkbox"
                checked={useConfigMap}
                onChange={(e) => setUseConfigMap(e.target.checked)}
                data-testid="use-configmap"
              />
              Use kube-system/kubelet-config when config.yaml is not pasted (kubeadm)
            </label>
            <span className="text-xs text-zinc-500" data-testid="use-configmap-evidence">
              {kubeadm?.reason ??
                'Not ticked by default: the node could not be read, so whether kubeadm made it is unknown.'}
            </span>
          </div>
          <Button
            type="submit"
            variant="primary"
            className="ml-auto"
            disabled={filled.length === 0 || explain.isPending || tooLarge !== undefined}
          >
            {explain.isPending ? 'Explaining…' : 'Explain'}
          </Button>
        </div>
        {[...skippedUploads, ...(tooLarge ? [tooLarge] : [])].map((problem) => (
          <p
            key={problem}
            role="alert"
            className="text-sm text-red-700 dark:text-red-400"
            data-testid="paste-too-large"
          >
            {problem}
          </p>
        ))}
      </form>
      {explain.error && (
        <ErrorPanel
          error={explain.error}
          what="nodes, nodes/proxy and configmaps"
          title="Could not explain the config"
        />
      )}
      {explain.data && <ExplainResults result={explain.data} />}
    </div>
  );
}
