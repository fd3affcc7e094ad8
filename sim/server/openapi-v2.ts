/**
 * A minimal OpenAPI v2 document for kubectl ≤1.27, which reads `/openapi/v2` (gnostic protobuf, or JSON) to
 * learn whether the server validates fields itself. It declares the CSR PATCH operation with its
 * `fieldValidation` query parameter, so kubectl leaves validation to the server. Field numbers follow
 * github.com/google/gnostic-models openapiv2/OpenAPIv2.proto.
 */
/** kubectl asks with the `@v1.0` spelling; the answer uses `.v1.0`, which Go's mime parser accepts. */
export const OPENAPI_V2_PROTOBUF_ACCEPT = 'application/com.github.proto-openapi.spec.v2';
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const PATCHES = [
  {
    path: '/apis/certificates.k8s.io/v1/certificatesigningrequests/{name}',
    group: 'certificates.k8s.io',
    version: 'v1',
    kind: 'CertificateSigningRequest',
  },
];

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Buffer.from(out);
}

/** A length-delimited field (strings and embedded messages). */
function field(no: number, value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.concat([varint((no << 3) | 2), varint(bytes.length), bytes]);
}

const msg = (...parts: Buffer[]) => Buffer.concat(parts);
const gvkYaml = (p: (typeof PATCHES)[number]) => `group: ${p.group}\nkind: ${p.kind}\nversion: ${p.version}\n`;

export function openapiV2Protobuf(): Buffer {
  const paths = PATCHES.map((p) => {
    // ParametersItem{parameter: Parameter{non_body_parameter: NonBodyParameter{query_parameter_sub_schema: {in, name, type}}}}
    const query = msg(field(2, 'query'), field(4, 'fieldValidation'), field(6, 'string'));
    const param = field(1, field(2, field(3, query)));
    const gvk = field(13, msg(field(1, 'x-kubernetes-group-version-kind'), field(2, field(2, gvkYaml(p)))));
    const operation = msg(field(5, `patch${p.kind}`), field(8, param), gvk);
    return field(2, msg(field(1, p.path), field(2, field(8, operation))));
  });
  return msg(field(1, '2.0'), field(2, msg(field(1, 'Kubernetes'), field(2, 'v1.33.2'))), field(8, msg(...paths)));
}

export function openapiV2Json(): unknown {
  const paths = Object.fromEntries(
    PATCHES.map((p) => [
      p.path,
      {
        patch: {
          operationId: `patch${p.kind}`,
          parameters: [{ name: 'fieldValidation', in: 'query', type: 'string', uniqueItems: true }],
          responses: { '200': { description: 'OK' } },
          'x-kubernetes-action': 'patch',
          'x-kubernetes-group-version-kind': { group: p.group, version: p.version, kind: p.kind },
        },
      },
    ]),
  );
  return { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.33.2' }, paths, definitions: {} };
}
