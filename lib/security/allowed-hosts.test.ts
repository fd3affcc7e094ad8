import { describe, expect, it } from 'vitest';
import { buildHostAllowlist, foreignHostMessage, hostAllowed, HostSettingsError, originAllowed } from './allowed-hosts';
import { parseHostPort } from '@/lib/domain/host-names';

const hosts = (...entries: string[]) => entries.map((e) => parseHostPort(e)!);

describe('parseHostPort', () => {
  it('reads names, IPv4 and bracketed IPv6 with and without a port, in lower case', () => {
    expect(parseHostPort('Dash.Example.COM')).toEqual({ hostname: 'dash.example.com' });
    expect(parseHostPort('dash.example.com:8443')).toEqual({ hostname: 'dash.example.com', port: 8443 });
    expect(parseHostPort('10.0.0.5:3000')).toEqual({ hostname: '10.0.0.5', port: 3000 });
    expect(parseHostPort('[::1]:3000')).toEqual({ hostname: '[::1]', port: 3000 });
    expect(parseHostPort('[fd00::1]')).toEqual({ hostname: '[fd00::1]' });
  });

  it.each([
    '',
    '*',
    '*.example.com',
    'https://dash.example.com',
    'dash.example.com/path',
    'user@dash.example.com',
    'dash.example.com:99999',
    'dash.example.com:',
    '::1',
    '[::1',
    'a b',
    '127.1', // the URL parser rewrites it: not what a browser sends
  ])('refuses %j', (value) => {
    expect(parseHostPort(value)).toBeUndefined();
  });
});

describe('host allowlist (DNS rebinding)', () => {
  const local = buildHostAllowlist({ mode: 'local', port: 3000, allowed: [] });

  it('local mode answers to the loopback names with the listening port', () => {
    for (const h of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST:3000'])
      expect(hostAllowed(local, h)).toBe(true);
  });

  it('refuses a rebinding name, another port, and a missing or malformed Host', () => {
    for (const h of ['attacker.example:3000', 'attacker.example', '127.0.0.1:3001', 'localhost.attacker.example:3000'])
      expect(hostAllowed(local, h)).toBe(false);
    expect(hostAllowed(local, null)).toBe(false);
    expect(hostAllowed(local, '')).toBe(false);
    expect(hostAllowed(local, '127.0.0.1:3000@attacker.example')).toBe(false);
  });

  it('a port left out of Host is the default port', () => {
    const on80 = buildHostAllowlist({ mode: 'local', port: 80, allowed: [] });
    expect(hostAllowed(on80, 'localhost')).toBe(true);
    expect(hostAllowed(local, 'localhost')).toBe(false);
  });

  it('adds HOST when it names one interface, never 0.0.0.0 or ::', () => {
    const named = buildHostAllowlist({ mode: 'local', bindHost: 'devbox.lan', port: 3000, allowed: [] });
    expect(hostAllowed(named, 'devbox.lan:3000')).toBe(true);
    const ip = buildHostAllowlist({ mode: 'local', bindHost: '192.168.1.5', port: 3000, allowed: [] });
    expect(hostAllowed(ip, '192.168.1.5:3000')).toBe(true);
    const v6 = buildHostAllowlist({ mode: 'local', bindHost: 'fd00::5', port: 3000, allowed: [] });
    expect(hostAllowed(v6, '[fd00::5]:3000')).toBe(true);
    const wildcard = buildHostAllowlist({ mode: 'local', bindHost: '0.0.0.0', port: 3000, allowed: [] });
    expect(wildcard.patterns.map((p) => p.hostname)).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });

  it('KD_ALLOWED_HOSTS entries: a bare name for any port, name:port for one', () => {
    const list = buildHostAllowlist({
      mode: 'local',
      port: 3000,
      allowed: hosts('dash.example.com', 'alt.example:8443'),
    });
    expect(hostAllowed(list, 'dash.example.com')).toBe(true);
    expect(hostAllowed(list, 'dash.example.com:9999')).toBe(true);
    expect(hostAllowed(list, 'alt.example:8443')).toBe(true);
    expect(hostAllowed(list, 'alt.example:443')).toBe(false);
    expect(hostAllowed(list, 'evil.dash.example.com')).toBe(false);
  });

  it('the shared modes require KD_ALLOWED_HOSTS beyond loopback, naming the variable', () => {
    for (const mode of ['shared', 'proxy-header'] as const) {
      expect(() => buildHostAllowlist({ mode, bindHost: '0.0.0.0', port: 3000, allowed: [] })).toThrow(
        HostSettingsError,
      );
      expect(() => buildHostAllowlist({ mode, bindHost: '0.0.0.0', port: 3000, allowed: [] })).toThrow(
        /KD_ALLOWED_HOSTS is not set/,
      );
      // on loopback (tests, a sidecar proxy) they start without it
      expect(() => buildHostAllowlist({ mode, bindHost: '127.0.0.1', port: 3000, allowed: [] })).not.toThrow();
      expect(() => buildHostAllowlist({ mode, port: 3000, allowed: [] })).not.toThrow();
    }
  });

  it('the shared modes accept loopback names on any port (kubectl port-forward picks its own)', () => {
    const list = buildHostAllowlist({
      mode: 'shared',
      bindHost: '0.0.0.0',
      port: 3000,
      allowed: hosts('dash.example.com'),
    });
    expect(hostAllowed(list, 'localhost:8080')).toBe(true);
    expect(hostAllowed(list, 'dash.example.com')).toBe(true);
    expect(hostAllowed(list, '10.1.2.3:3000')).toBe(false); // a pod IP is not a name users open
  });

  it('checks an Origin against the list, never against the request it came with', () => {
    expect(originAllowed(local, 'http://127.0.0.1:3000', 'http:')).toBe(true);
    expect(originAllowed(local, 'http://attacker.example:3000', 'http:')).toBe(false);
    expect(originAllowed(local, 'null', 'http:')).toBe(false);
    expect(originAllowed(local, 'https://127.0.0.1:3000', 'http:')).toBe(false); // another scheme, another origin
    expect(originAllowed(local, 'file://127.0.0.1:3000', 'file:')).toBe(false);
  });

  it('says in one line which variable to set, without echoing control characters', () => {
    const message = foreignHostMessage('attacker.example:3000\r\nX-Injected: 1');
    expect(message).toContain('KD_ALLOWED_HOSTS');
    expect(message).not.toMatch(/[\r\n]/);
  });
});
