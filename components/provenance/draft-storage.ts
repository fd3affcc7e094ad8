import { z } from 'zod';
import { InputKindSchema, MAX_INPUT_CHARS, MAX_INPUTS } from '@/lib/api/provenance';

/**
 * What the user pasted on the Explain page, kept for this browser tab only (sessionStorage: gone when the tab
 * closes, never sent anywhere), so Back, a reload or a look at the node page loses nothing. Read back through a
 * schema: the storage is the page's own, but a stale or edited entry must not break the form.
 */
const DraftSchema = z.object({
  v: z.literal(1),
  inputs: z
    .array(
      z.object({
        kind: InputKindSchema,
        path: z.string().max(4096),
        content: z.string().max(4 * MAX_INPUT_CHARS),
      }),
    )
    .max(MAX_INPUTS),
  useConfigMap: z.boolean(),
});
export type ExplainDraft = Omit<z.infer<typeof DraftSchema>, 'v'>;

const keyFor = (node: string) => `kd-explain:${node}`;

export function loadDraft(node: string): ExplainDraft | null {
  try {
    const raw = window.sessionStorage.getItem(keyFor(node));
    if (!raw) return null;
    const parsed = DraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { inputs: parsed.data.inputs, useConfigMap: parsed.data.useConfigMap } : null;
  } catch {
    return null; // storage disabled (private mode, policy) or unreadable JSON: start fresh
  }
}

export function saveDraft(node: string, draft: ExplainDraft): void {
  try {
    window.sessionStorage.setItem(keyFor(node), JSON.stringify({ v: 1, ...draft }));
  } catch {
    // quota exceeded or storage disabled: the draft just isn't kept
  }
}
