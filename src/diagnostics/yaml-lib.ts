/**
 * The `yaml` package, loaded on first use. Its 70-odd modules cost some 35 ms of CPU at start-up,
 * and a run may have no YAML to parse at all: no qda.yaml, the codebook from the cache
 * (codebook/cache.ts), no sidecar in YAML, front matter of plain `key: value` lines
 * (ingest/simple-yaml.ts). The modules that read YAML take its functions from here.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Alias, Scalar, YAMLMap, YAMLSeq } from 'yaml';

let loaded: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

// The type guards are only ever asked about nodes of a parsed document, so the package is loaded then.
export function isMap(node: unknown): node is YAMLMap {
  return yamlLib().isMap(node);
}

export function isSeq(node: unknown): node is YAMLSeq {
  return yamlLib().isSeq(node);
}

export function isScalar(node: unknown): node is Scalar {
  return yamlLib().isScalar(node);
}

export function isAlias(node: unknown): node is Alias {
  return yamlLib().isAlias(node);
}
