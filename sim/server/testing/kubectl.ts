/** Runs a real kubectl binary against a sim, with its own discovery cache directory. */
import { execFile, spawn } from 'node:child_process';

export const KUBECTLS = [
  { label: 'default', bin: 'kubectl' },
  { label: '1.27', bin: '/usr/lib/google-cloud-sdk/bin/kubectl.1.27' },
  { label: '1.33', bin: '/usr/lib/google-cloud-sdk/bin/kubectl.1.33' },
] as const;

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function kubectl(
  bin: string,
  kubeconfig: string,
  cacheDir: string,
  args: string[],
  input?: string,
): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(
      bin,
      [...args, '--cache-dir', cacheDir],
      { env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: cacheDir }, timeout: 20_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Starts `kubectl … --watch` and resolves with its output once `done(output)` holds (then kills it). */
export function kubectlUntil(
  bin: string,
  kubeconfig: string,
  cacheDir: string,
  args: string[],
  done: (out: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, '--cache-dir', cacheDir], {
      env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: cacheDir },
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kubectl ${args.join(' ')} did not produce the expected output:\n${out}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (done(out)) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(out);
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  });
}
