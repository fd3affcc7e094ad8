/** Request bodies as JSON values, whether sent as JSON or as Kubernetes protobuf (typed clients). */
import type { IncomingMessage } from 'node:http';
import { readBuffer, readJson } from './http';
import { decodeKubeProtobuf, isProtobuf } from './protobuf';

export async function readObject(req: IncomingMessage): Promise<unknown> {
  const contentType = String(req.headers['content-type'] ?? '');
  if (isProtobuf(contentType)) return decodeKubeProtobuf(await readBuffer(req));
  return readJson(req);
}
