import { parseEnvFile } from './env-file';
import { splitWords } from './words';

/**
 * systemd unit files and drop-ins, reduced to what decides the kubelet's command line: `Environment=`,
 * `EnvironmentFile=` and `ExecStart=` of the [Service] section. Rules from systemd.unit(5), systemd.exec(5)
 * and systemd.service(5):
 * - the main unit is read first, then drop-ins (`kubelet.service.d/*.conf`) in lexicographic order of their
 *   file name, whatever directory they live in;
 * - a line ending in a backslash continues on the next line; `#` and `;` start comment lines;
 * - an empty assignment (`ExecStart=`, `Environment=`) resets the list built so far, which is how kubeadm's
 *   10-kubeadm.conf replaces the packaged ExecStart;
 * - variables from EnvironmentFile= override those from Environment=, files in the order listed;
 *   a `-` prefix makes a missing file fine, without it the unit fails to start.
 */
export interface UnitFile {
  /** path as the user gave it, e.g. /etc/systemd/system/kubelet.service.d/10-kubeadm.conf */
  readonly path: string;
  readonly content: string;
}

interface EnvFileRef {
  readonly path: string;
  readonly optional: boolean;
  /** unit file that named it */
  readonly declaredIn: string;
}

export interface VarDefinition {
  readonly value: string;
  /** file that set it: the unit/drop-in for Environment=, the env file for EnvironmentFile= */
  readonly definedIn: string;
  readonly via: 'Environment' | 'EnvironmentFile';
}

export interface ExecStartLine {
  readonly command: string;
  readonly declaredIn: string;
  /** systemd prefixes such as "-" (ignore failure) or "@" */
  readonly prefixes: string;
}

export interface MergedService {
  /** main unit first, then drop-ins in the order systemd applies them */
  readonly order: string[];
  readonly execStart: ExecStartLine[];
  readonly environment: Map<string, VarDefinition>;
  readonly environmentFiles: EnvFileRef[];
  /** env files named by the unit but not provided by the user */
  readonly missingEnvFiles: EnvFileRef[];
  readonly serviceType: string;
  readonly notes: string[];
}

interface Directive {
  readonly key: string;
  readonly value: string;
}

/**
 * [Service] directives of one file, continuation lines joined.
 * @internal exported for its unit tests
 */
export function parseServiceSection(content: string): Directive[] {
  const out: Directive[] = [];
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  let section = '';
  let pending = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (pending === '' && (line.startsWith('#') || line.startsWith(';'))) continue;
    if (pending !== '' && (line.startsWith('#') || line.startsWith(';'))) continue; // comments inside continuations are skipped
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (full === '') continue;
    const header = /^\[([^\]]+)\]$/.exec(full);
    if (header) {
      section = header[1] ?? '';
      continue;
    }
    const eq = full.indexOf('=');
    if (eq <= 0 || section !== 'Service') continue;
    out.push({ key: full.slice(0, eq).trim(), value: full.slice(eq + 1).trim() });
  }
  if (pending.trim() !== '' && section === 'Service') {
    const full = pending.trim();
    const eq = full.indexOf('=');
    if (eq > 0) out.push({ key: full.slice(0, eq).trim(), value: full.slice(eq + 1).trim() });
  }
  return out;
}

const baseName = (path: string): string => path.split('/').pop() ?? path;
const isDropIn = (path: string): boolean =>
  /\.d\/[^/]+\.conf$/.test(path) || (path.endsWith('.conf') && !path.endsWith('.service'));

/**
 * Orders unit files as systemd applies them: `.service` main units first, then `.conf` drop-ins sorted by
 * file name (systemd.unit(5): "drop-in files … are sorted by their filename and applied in that order").
 * @internal exported for its unit tests
 */
export function orderUnitFiles(files: readonly UnitFile[]): UnitFile[] {
  const mains = files.filter((f) => !isDropIn(f.path));
  const drops = files
    .filter((f) => isDropIn(f.path))
    .sort((a, b) => (baseName(a.path) < baseName(b.path) ? -1 : baseName(a.path) > baseName(b.path) ? 1 : 0));
  return [...mains, ...drops];
}

/**
 * Merges the unit and its drop-ins, then loads the environment: Environment= assignments in order, then every
 * EnvironmentFile= the user provided (looked up by path), each overriding earlier values.
 */
export function mergeService(units: readonly UnitFile[], envFiles: readonly UnitFile[]): MergedService {
  const ordered = orderUnitFiles(units);
  let execStart: ExecStartLine[] = [];
  let envAssignments: Array<{ name: string; value: string; file: string }> = [];
  let envFileRefs: EnvFileRef[] = [];
  let serviceType = 'simple';
  const notes: string[] = [];
  for (const unit of ordered) {
    for (const { key, value } of parseServiceSection(unit.content)) {
      if (key === 'ExecStart') {
        if (value === '') execStart = [];
        else {
          const m = /^([-@:+!]*)(.*)$/.exec(value);
          execStart.push({ command: m?.[2] ?? value, prefixes: m?.[1] ?? '', declaredIn: unit.path });
        }
      } else if (key === 'Environment') {
        if (value === '') envAssignments = [];
        for (const word of splitWords(value)) {
          const eq = word.text.indexOf('=');
          if (eq > 0)
            envAssignments.push({ name: word.text.slice(0, eq), value: word.text.slice(eq + 1), file: unit.path });
        }
      } else if (key === 'EnvironmentFile') {
        if (value === '') envFileRefs = [];
        else {
          const optional = value.startsWith('-');
          envFileRefs.push({ path: optional ? value.slice(1).trim() : value, optional, declaredIn: unit.path });
        }
      } else if (key === 'Type') serviceType = value;
    }
  }
  const environment = new Map<string, VarDefinition>();
  for (const a of envAssignments) environment.set(a.name, { value: a.value, definedIn: a.file, via: 'Environment' });
  const missingEnvFiles: EnvFileRef[] = [];
  for (const ref of envFileRefs) {
    const file = findEnvFile(envFiles, ref.path);
    if (!file) {
      missingEnvFiles.push(ref);
      continue;
    }
    const parsed = parseEnvFile(file.content);
    for (const a of parsed.assignments)
      environment.set(a.name, { value: a.value, definedIn: ref.path, via: 'EnvironmentFile' });
    if (parsed.invalidLines.length > 0)
      notes.push(`${ref.path}: systemd ignores line(s) ${parsed.invalidLines.join(', ')} (not KEY=VALUE)`);
  }
  if (execStart.length > 1 && serviceType !== 'oneshot') {
    notes.push(
      `${execStart.length} ExecStart= lines remain after merging: systemd refuses a Type=${serviceType} service with more than one (a drop-in needs an empty "ExecStart=" first)`,
    );
  }
  return {
    order: ordered.map((u) => u.path),
    execStart,
    environment,
    environmentFiles: envFileRefs,
    missingEnvFiles,
    serviceType,
    notes,
  };
}

/** Matches an EnvironmentFile= path to a pasted file: exact path, else same base name. */
function findEnvFile(files: readonly UnitFile[], path: string): UnitFile | undefined {
  return files.find((f) => f.path === path) ?? files.find((f) => baseName(f.path) === baseName(path));
}
