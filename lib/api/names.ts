import { z } from 'zod';

/**
 * A DNS-1123 subdomain, the rule Node names follow (k8s.io/apimachinery IsDNS1123Subdomain): at most 253
 * characters of lowercase alphanumerics, '-' and '.', starting and ending with an alphanumeric.
 * Route params go through this before any request is built, so a name can never smuggle a path
 * ("../", "%2F", "%2e%2e") into the apiserver's node proxy.
 */
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const dns1123Subdomain = () =>
  z
    .string()
    .min(1)
    .max(253)
    .regex(DNS1123_SUBDOMAIN_RE, 'must be a DNS-1123 subdomain (lowercase letters, digits, "-" and ".")');

export const NodeNameSchema = dns1123Subdomain();

/** Namespaces and ConfigMap names share the subdomain rule for our purposes (namespaces are stricter labels). */
export const ObjectNameSchema = dns1123Subdomain();
