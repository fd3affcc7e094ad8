/**
 * kubectl's typed clients send request bodies as Kubernetes protobuf (`application/vnd.kubernetes.protobuf`:
 * "k8s\0" + runtime.Unknown{typeMeta, raw}). This decodes the few kinds the sim accepts writes for into the
 * same JSON shape the JSON path sees; field numbers are those of the kinds' generated.proto.
 */
import { StatusError } from './status';

type Field =
  | { name: string; type: 'string' | 'bytes' | 'int' | 'time' | 'map'; repeated?: boolean }
  | { name: string; type: 'msg'; msg: Schema; repeated?: boolean };
type Schema = Record<number, Field>;

const s = (name: string, repeated = false): Field => ({ name, type: 'string', repeated });

const OBJECT_META: Schema = {
  1: s('name'),
  2: s('generateName'),
  3: s('namespace'),
  5: s('uid'),
  6: s('resourceVersion'),
  8: { name: 'creationTimestamp', type: 'time' },
  11: { name: 'labels', type: 'map' },
  12: { name: 'annotations', type: 'map' },
};
const CSR_CONDITION: Schema = {
  1: s('type'),
  2: s('reason'),
  3: s('message'),
  4: { name: 'lastUpdateTime', type: 'time' },
  5: { name: 'lastTransitionTime', type: 'time' },
  6: s('status'),
};
const CSR: Schema = {
  1: { name: 'metadata', type: 'msg', msg: OBJECT_META },
  2: {
    name: 'spec',
    type: 'msg',
    msg: {
      1: { name: 'request', type: 'bytes' },
      2: s('username'),
      3: s('uid'),
      4: s('groups', true),
      5: s('usages', true),
      7: s('signerName'),
      8: { name: 'expirationSeconds', type: 'int' },
    },
  },
  3: {
    name: 'status',
    type: 'msg',
    msg: {
      1: { name: 'conditions', type: 'msg', msg: CSR_CONDITION, repeated: true },
      2: { name: 'certificate', type: 'bytes' },
    },
  },
};
const RESOURCE_ATTRIBUTES: Schema = {
  1: s('namespace'),
  2: s('verb'),
  3: s('group'),
  4: s('version'),
  5: s('resource'),
  6: s('subresource'),
  7: s('name'),
};
const SSAR: Schema = {
  1: { name: 'metadata', type: 'msg', msg: OBJECT_META },
  2: {
    name: 'spec',
    type: 'msg',
    msg: {
      1: { name: 'resourceAttributes', type: 'msg', msg: RESOURCE_ATTRIBUTES },
      2: { name: 'nonResourceAttributes', type: 'msg', msg: { 1: s('path'), 2: s('verb') } },
    },
  },
};
const SSRR: Schema = {
  1: { name: 'metadata', type: 'msg', msg: OBJECT_META },
  2: { name: 'spec', type: 'msg', msg: { 1: s('namespace') } },
};

/** authentication/v1 SelfSubjectReview: metadata only on the way in (status is the server's answer). */
const SSR: Schema = { 1: { name: 'metadata', type: 'msg', msg: OBJECT_META } };

const SCHEMAS: Record<string, Schema> = {
  CertificateSigningRequest: CSR,
  SelfSubjectAccessReview: SSAR,
  SelfSubjectRulesReview: SSRR,
  SelfSubjectReview: SSR,
};

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error('truncated varint');
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  }
  bytes(): Buffer {
    const len = this.varint();
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

const rfc3339 = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

function decode(buf: Buffer, schema: Schema): Record<string, unknown> {
  const r = new Reader(buf);
  const out: Record<string, unknown> = {};
  while (r.pos < buf.length) {
    const tag = r.varint();
    const field = schema[Math.floor(tag / 8)];
    const wire = tag & 7;
    if (!field) {
      r.skip(wire);
      continue;
    }
    let value: unknown;
    if (field.type === 'int') value = r.varint();
    else {
      const bytes = r.bytes();
      if (field.type === 'string') value = bytes.toString('utf8');
      else if (field.type === 'bytes') value = bytes.toString('base64');
      else if (field.type === 'time') value = rfc3339(Number(decode(bytes, { 1: { name: 's', type: 'int' } }).s ?? 0));
      else if (field.type === 'msg') value = decode(bytes, field.msg);
      else {
        const entry = decode(bytes, { 1: s('k'), 2: s('v') });
        const map = (out[field.name] as Record<string, unknown> | undefined) ?? {};
        map[String(entry.k ?? '')] = entry.v ?? '';
        out[field.name] = map;
        continue;
      }
    }
    if (field.repeated) out[field.name] = [...((out[field.name] as unknown[] | undefined) ?? []), value];
    else out[field.name] = value;
  }
  return out;
}

export const isProtobuf = (contentType: string) => contentType.startsWith('application/vnd.kubernetes.protobuf');

/** Decodes a "k8s\0"-prefixed runtime.Unknown into a JSON object with apiVersion and kind. */
export function decodeKubeProtobuf(body: Buffer): Record<string, unknown> {
  try {
    if (body.subarray(0, 4).toString('latin1') !== 'k8s\0') throw new Error('missing k8s protobuf prefix');
    const unknown = decode(body.subarray(4), {
      1: { name: 'typeMeta', type: 'msg', msg: { 1: s('apiVersion'), 2: s('kind') } },
      2: { name: 'raw', type: 'bytes' },
    });
    const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
    const schema = SCHEMAS[typeMeta.kind ?? ''];
    if (!schema) throw new Error(`no protobuf decoder for kind ${typeMeta.kind ?? '?'}`);
    const obj = decode(Buffer.from(String(unknown.raw ?? ''), 'base64'), schema);
    return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...obj, metadata: obj.metadata ?? {} };
  } catch (err) {
    throw new StatusError(
      400,
      'BadRequest',
      `error decoding request body: ${err instanceof Error ? err.message : 'invalid protobuf'}`,
    );
  }
}
