import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { focusRing } from '@/components/ui/focus';
import { cn } from '@/lib/cn';
import { inputTooLarge, type InputKindChoice } from '@/lib/api/provenance';

export interface DraftInput {
  id: string;
  kind: InputKindChoice;
  path: string;
  content: string;
}

const KIND_LABELS: Record<InputKindChoice, string> = {
  auto: 'Detect',
  unit: 'Unit / drop-in',
  env: 'Env file',
  'kubelet-config': 'Kubelet config',
  'command-line': 'Command line',
  'containerd-config': 'containerd config',
};

const PLACEHOLDERS: Record<InputKindChoice, string> = {
  auto: 'Paste any file from the node',
  unit: '[Service]\nEnvironment="KUBELET_EXTRA_ARGS=--max-pods=64"\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_EXTRA_ARGS',
  env: 'KUBELET_EXTRA_ARGS=--max-pods=64',
  'kubelet-config': 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n…',
  'command-line': 'root  1234  1  2 Nov20 ?  01:02:03 /usr/bin/kubelet --config=/var/lib/kubelet/config.yaml …',
  'containerd-config': '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n  SystemdCgroup = true',
};

/** One pasted text: what it is, its path on the node (shown as the source of what it sets), and its content. */
export function InputEditor({
  input,
  onChange,
  onRemove,
}: {
  input: DraftInput;
  onChange: (patch: Partial<DraftInput>) => void;
  onRemove: () => void;
}) {
  const areaId = useId();
  const problemId = useId();
  const name = input.path || KIND_LABELS[input.kind];
  const tooLarge = inputTooLarge(input.content.length);
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950">
      <legend className="sr-only">{name}</legend>
      <div className="grid grid-cols-[minmax(0,11.5rem)_minmax(0,1fr)_auto] items-end gap-2">
        <SelectField
          label="Kind"
          value={input.kind}
          onChange={(e) => onChange({ kind: e.target.value as InputKindChoice })}
        >
          {Object.entries(KIND_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Path on the node"
          value={input.path}
          spellCheck={false}
          onChange={(e) => onChange({ path: e.target.value })}
        />
        <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove ${name}`}>
          Remove
        </Button>
      </div>
      <label htmlFor={areaId} className="sr-only">
        Contents of {name}
      </label>
      <textarea
        id={areaId}
        value={input.content}
        onChange={(e) => onChange({ content: e.target.value })}
        placeholder={PLACEHOLDERS[input.kind]}
        spellCheck={false}
        autoComplete="off"
        rows={7}
        wrap="off"
        aria-invalid={tooLarge ? true : undefined}
        aria-describedby={tooLarge ? problemId : undefined}
        className={cn(
          'min-h-32 w-full resize-y rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs text-zinc-900 placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
          tooLarge && 'border-red-500 dark:border-red-500',
          focusRing,
        )}
      />
      {tooLarge && (
        <p id={problemId} className="text-xs text-red-700 dark:text-red-400" data-testid="input-too-large">
          {name} is {tooLarge}; it is not sent.
        </p>
      )}
    </fieldset>
  );
}
