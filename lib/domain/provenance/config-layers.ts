import { YamlLimitError } from '@/lib/domain/yaml-bounded';
import { ConfigFileError, parseKubeletConfigFile } from './config-file';
import type { ConfigLayer } from './predict';

/**
 * Orders pasted KubeletConfiguration files the way the kubelet loads them: the `--config` file first, then
 * (1.28+) every `*.conf` file in `--config-dir`, sorted by file name, each merged over the previous
 * (KEP-3983, cmd/kubelet/app/server.go `mergeKubeletConfigurations`). A file that matches neither path is
 * taken as the --config file when it is the only one pasted. A file refused for its shape (an alias bomb, absurd
 * nesting) refuses the whole request: YamlLimitError, its message prefixed with the file's path.
 */
export function orderConfigLayers(input: {
  configs: ReadonlyArray<{ path: string; content: string }>;
  configFlag?: string;
  configDirFlag?: string;
}): { layers: ConfigLayer[]; notes: string[]; problems: string[] } {
  const notes: string[] = [];
  const problems: string[] = [];
  const parsed: Array<{ path: string; config: Record<string, unknown>; fromConfigMap: boolean }> = [];
  for (const c of input.configs) {
    try {
      const { config, fromConfigMap, warnings } = parseKubeletConfigFile(c.content);
      parsed.push({ path: c.path, config, fromConfigMap });
      for (const w of warnings) problems.push(`${c.path}, ${w}`);
    } catch (err) {
      if (err instanceof ConfigFileError) problems.push(`${c.path}: ${err.message}`);
      else if (err instanceof YamlLimitError) throw new YamlLimitError(`${c.path || 'a pasted file'} ${err.message}`);
      else throw err;
    }
  }
  const dir = input.configDirFlag?.replace(/\/+$/, '');
  const inDir = (p: string) => dir !== undefined && p.startsWith(`${dir}/`) && p.endsWith('.conf');
  const dropIns = parsed.filter((c) => inDir(c.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const rest = parsed.filter((c) => !inDir(c.path));
  const main = rest.find((c) => c.path === input.configFlag) ?? (rest.length === 1 ? rest[0] : undefined);
  if (main && input.configFlag !== undefined && main.path !== input.configFlag)
    notes.push(`Using ${main.path} as the --config file (${input.configFlag}).`);
  for (const c of rest)
    if (c !== main)
      notes.push(`${c.path} is neither the --config file nor in --config-dir; the kubelet would not read it.`);
  if (dropIns.length > 0 && !main) notes.push('Config drop-ins were pasted without the --config file.');
  const layer = (c: (typeof parsed)[number], file: string): ConfigLayer => ({
    source: c.fromConfigMap ? { kind: 'configmap', name: c.path } : { kind: 'config-file', file },
    config: c.config,
  });
  const layers = [
    ...(main ? [layer(main, input.configFlag ?? main.path)] : []),
    ...dropIns.map((c) => layer(c, c.path)),
  ];
  return { layers, notes, problems };
}
