import { effective, formatValue } from './effective';
import type { CheckContext } from './types';

/**
 * The kubelet's serving certificate as configz shows it.
 *
 * When neither tlsCertFile nor tlsPrivateKeyFile is configured and serverTLSBootstrap is off, the kubelet fills
 * in `<cert-dir>/kubelet.crt` and `<cert-dir>/kubelet.key` before configz is published and writes a
 * self-signed certificate there if none exists (cmd/kubelet/app/server.go, InitializeTLS, called from
 * UnsecuredDependencies before run() → initConfigz). So that pair in configz means "not configured": every
 * kubeadm capture in lib/domain/fixtures shows /var/lib/kubelet/pki/kubelet.crt although kubeadm never sets it.
 * With serverTLSBootstrap on, the paths stay empty and the certificate comes from a kubelet-serving CSR.
 */
interface ServingCert {
  certFile: string;
  keyFile: string;
  bootstrap: boolean;
  /** the pair is the one the kubelet generates when nothing is configured */
  generated: boolean;
  /** where the values came from, for the reason text */
  notes: string[];
}

const GENERATED = /^(.*)\/kubelet\.crt$/;

export function servingCert(ctx: CheckContext): ServingCert {
  const cert = effective(ctx, 'tlsCertFile');
  const key = effective(ctx, 'tlsPrivateKeyFile');
  const boot = effective(ctx, 'serverTLSBootstrap');
  const certFile = typeof cert.value === 'string' ? cert.value : '';
  const keyFile = typeof key.value === 'string' ? key.value : '';
  const bootstrap = boot.value === true;
  const dir = GENERATED.exec(certFile)?.[1];
  const generated = !bootstrap && dir !== undefined && keyFile === `${dir}/kubelet.key`;
  return {
    certFile,
    keyFile,
    bootstrap,
    generated,
    notes: [cert, key, boot].map((e) => e.note).filter((n) => n !== ''),
  };
}

/** "tlsCertFile=…, tlsPrivateKeyFile=…, serverTLSBootstrap=…" for the value column. */
export const servingCertValue = (s: ServingCert): string =>
  `tlsCertFile=${formatValue(s.certFile)}, tlsPrivateKeyFile=${formatValue(s.keyFile)}, serverTLSBootstrap=${s.bootstrap}`;

export const GENERATED_REASON =
  'the kubelet fills in this <cert-dir>/kubelet.crt + kubelet.key pair when no serving certificate is configured and serverTLSBootstrap is off, and writes a self-signed certificate there (cmd/kubelet/app/server.go InitializeTLS); the apiserver cannot verify it against a CA';
