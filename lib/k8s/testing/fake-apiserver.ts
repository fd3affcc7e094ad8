import 'server-only';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export interface FakeReply {
  status?: number;
  body?: string;
  contentType?: string;
  /** answer after this many ms (or never, if the client leaves first) */
  delayMs?: number;
  /** send this many bytes of "x" in 64 KiB chunks without a content-length */
  streamBytes?: number;
  /** send `body` and keep the response open (a watch that has nothing more to say yet) */
  holdOpen?: boolean;
}

export interface FakeApiserver {
  url: string;
  kubeconfigPath: string;
  /** every request path (with query) received, in order */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A plain-HTTP stand-in for the apiserver for unit tests of error mapping and limits: canned answers per path.
 * (Behaviour against a realistic cluster is tested with sim/ in the integration tests.) The kubeconfig it
 * writes has two contexts, `fake` and `fake-other`, over the same server.
 */
export async function startFakeApiserver(route: (pathAndQuery: string) => FakeReply): Promise<FakeApiserver> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const reply = route(url);
    const send = () => {
      if (reply.streamBytes !== undefined) {
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < (reply.streamBytes ?? 0)) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' });
      if (reply.holdOpen) res.write(reply.body ?? '');
      else res.end(reply.body ?? '');
    };
    if (reply.delayMs) {
      const timer = setTimeout(send, reply.delayMs);
      req.on('close', () => clearTimeout(timer));
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-fake-'));
  const kubeconfigPath = path.join(dir, 'config');
  fs.writeFileSync(
    kubeconfigPath,
    `apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster: { server: "${url}", insecure-skip-tls-verify: true }
users:
- name: fake-user
  user: { token: secret-token }
contexts:
- name: fake
  context: { cluster: fake, user: fake-user }
- name: fake-other
  context: { cluster: fake, user: fake-user }
current-context: fake
`,
  );
  return {
    url,
    kubeconfigPath,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A meta/v1 Status body as the apiserver sends it. */
export const statusBody = (code: number, reason: string, message: string, details?: Record<string, unknown>) =>
  JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    ...(details ? { details } : {}),
  });
