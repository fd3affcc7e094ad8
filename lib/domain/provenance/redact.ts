/**
 * Removes secrets from text before it can reach a log line or an error message. Pasted node files can hold
 * kubeconfig credentials (`token:`, `client-key-data:`), bootstrap tokens (`abcdef.0123456789abcdef`, the
 * format kubeadm validates with `[a-z0-9]{6}\.[a-z0-9]{16}`, see k8s.io/cluster-bootstrap/token/api) and
 * `Authorization: Bearer` headers. The route never logs request bodies at all; this is the second line.
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, '[REDACTED bootstrap token]'],
  [
    /((?:^|\s)(?:token|client-key-data|client-certificate-data|password|id-token|refresh-token)\s*:\s*)("?)[^\s"]+\2/gim,
    '$1[REDACTED]',
  ],
  [/(--(?:token|bootstrap-token|password)[= ])\S+/gi, '$1[REDACTED]'],
  [/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[REDACTED]'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[REDACTED private key]'],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, replacement] of RULES) out = out.replace(re, replacement);
  return out;
}
