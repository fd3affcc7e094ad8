/** /openapi/*: not served (kubectl falls back when it is missing). */
export function openapiDoc(_path: string): unknown {
  return undefined;
}
