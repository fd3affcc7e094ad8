/**
 * What makes a restarted sim the same cluster to its clients: the CA and serving pair, the users' tokens and the
 * port. A real cluster keeps its CA and its service-account signing keys across apiserver restarts, so a client
 * holding the kubeconfig (a running dashboard, kubectl) reconnects; with a fresh CA every start it never could.
 * Kept as one JSON file, 0600, in the state directory (by default the kubeconfig's directory, `.sim/`); the cluster's
 * objects themselves are not kept (the fleet is rebuilt from its seed, as before).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const STATE_FILE = 'sim-state.json';

const SavedStateSchema = z.object({
  version: z.literal(1),
  authority: z.object({
    caCertPem: z.string().min(1),
    caKeyPem: z.string().min(1),
    servingCertPem: z.string().min(1),
    servingKeyPem: z.string().min(1),
  }),
  tokens: z.object({ admin: z.string().min(16), viewer: z.string().min(16) }),
  /** the port the last run listened on; tried first when no port is asked for */
  port: z.number().int().min(1).max(65535).optional(),
});
export type SavedState = z.infer<typeof SavedStateSchema>;

/** The saved state, or undefined when there is none or it is unreadable (then the sim starts fresh). */
export async function readSavedState(dir: string): Promise<SavedState | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, STATE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = SavedStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON
  }
  console.warn(`[sim] ${path.join(dir, STATE_FILE)} is not a saved sim state; starting with a new CA and tokens`);
  return undefined;
}

/** Atomic (temp file + rename) and private (0600): it holds the CA key and bearer tokens. */
export async function writeSavedState(dir: string, state: SavedState): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, STATE_FILE);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

/** `--fresh`: the next start makes a new CA and tokens (clients of earlier runs must take the new kubeconfig). */
export async function forgetSavedState(dir: string): Promise<void> {
  await rm(path.join(dir, STATE_FILE), { force: true });
}
