import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { SeedIssue } from './seed-error';

/** A YAML mapping from a seed list, with the line of each of its fields. */
export interface SeedItem {
  readonly file: string;
  readonly line: number;
  readonly value: Record<string, unknown>;
  /**
   * Line of a field's value, or of the item when the field is absent. A dotted path names an
   * entry inside a mapping or list field (`dates.inForce`, `sources.1`) and falls back to the field.
   */
  lineOf(field: string): number;
}

export interface SeedFile {
  readonly nodes: SeedItem[];
  readonly edges: SeedItem[];
  readonly observations: SeedItem[];
}

const SECTIONS = ['nodes', 'edges', 'observations'] as const;

/** Parses one seed file, keeping line numbers; syntax and shape problems go to `issues`. */
export function readSeedFile(file: string, text: string, issues: SeedIssue[]): SeedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const result: SeedFile = { nodes: [], edges: [], observations: [] };
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  const sourceLines = text.split(/\r?\n/);
  for (const error of doc.errors) {
    const line = lineAt(error.pos[0]);
    const at = sourceLines[line - 1]?.trim();
    issues.push({ file, line, message: `YAML syntax: ${error.message.split('\n')[0]}${at ? ` in ${JSON.stringify(at)}` : ''}` });
  }
  if (doc.errors.length > 0) return result;
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    issues.push({ file, line: lineAt(doc.contents.range?.[0]), message: 'expected a mapping with nodes, edges and observations at the top level' });
    return result;
  }

  for (const pair of doc.contents.items) {
    const key = String((pair.key as YamlNode & { value?: unknown })?.toJSON?.() ?? pair.key);
    const keyLine = lineAt((pair.key as YamlNode | null)?.range?.[0]);
    if (!(SECTIONS as readonly string[]).includes(key)) {
      issues.push({ file, line: keyLine, message: `unknown section ${JSON.stringify(key)}: expected one of ${SECTIONS.join(', ')}` });
      continue;
    }
    const section = key as (typeof SECTIONS)[number];
    const seq = pair.value as YamlNode | null;
    if (seq === null || (isSeq(seq) && seq.items.length === 0)) continue;
    if (!isSeq(seq)) {
      issues.push({ file, line: keyLine, message: `section ${section}: expected a list` });
      continue;
    }
    for (const item of seq.items as YamlNode[]) {
      const line = lineAt(item.range?.[0]);
      if (!isMap(item)) {
        issues.push({ file, line, message: `${section}: expected a mapping, received ${JSON.stringify(item?.toJSON?.() ?? item)}` });
        continue;
      }
      result[section].push(toSeedItem(file, line, item, lineAt));
    }
  }
  return result;
}

function toSeedItem(file: string, line: number, map: YAMLMap, lineAt: (offset: number | undefined) => number): SeedItem {
  const lines = new Map<string, number>();
  const keyOf = (node: unknown): string => String((node as YamlNode | null)?.toJSON?.() ?? node);
  for (const pair of map.items) {
    const key = keyOf(pair.key);
    const valueNode = (pair.value ?? pair.key) as YamlNode | null;
    lines.set(key, lineAt(valueNode?.range?.[0]));
    if (isMap(pair.value)) {
      for (const child of pair.value.items) {
        lines.set(`${key}.${keyOf(child.key)}`, lineAt(((child.value ?? child.key) as YamlNode | null)?.range?.[0]));
      }
    } else if (isSeq(pair.value)) {
      pair.value.items.forEach((child, i) => lines.set(`${key}.${i}`, lineAt((child as YamlNode | null)?.range?.[0])));
    }
  }
  return {
    file,
    line,
    value: map.toJSON() as Record<string, unknown>,
    lineOf: (field) => lines.get(field) ?? lines.get(field.split('.')[0]) ?? line,
  };
}
