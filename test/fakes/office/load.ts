/**
 * Parsing of `load()` options ("a, b/c", arrays, `{ select, expand }` objects) into the tree of
 * properties a proxy snapshots at sync time.
 */

export type LoadTree = Map<string, LoadTree>;

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let node = tree;
  for (const part of parts) {
    let next = node.get(part);
    if (!next) {
      next = new Map();
      node.set(part, next);
    }
    node = next;
  }
}

export function parseLoadOption(option: unknown): LoadTree {
  const tree: LoadTree = new Map();
  const addList = (text: string): void => {
    for (const piece of text.split(',')) if (piece.trim() !== '') addPath(tree, piece.trim());
  };
  if (option === undefined || option === null) return tree;
  if (typeof option === 'string') addList(option);
  else if (Array.isArray(option)) for (const item of option) addList(String(item));
  else if (typeof option === 'object') {
    const record = option as Record<string, unknown>;
    if (typeof record.select === 'string' || typeof record.expand === 'string') {
      if (typeof record.select === 'string') addList(record.select);
      if (typeof record.expand === 'string') addList(record.expand);
    } else {
      // { values: true, format: { fill: { color: true } } }
      const walk = (obj: Record<string, unknown>, prefix: string): void => {
        for (const [key, value] of Object.entries(obj)) {
          if (key === '$all' || value === false) continue;
          const path = prefix ? `${prefix}/${key}` : key;
          if (value && typeof value === 'object') walk(value as Record<string, unknown>, path);
          else addPath(tree, path);
        }
      };
      walk(record, '');
    }
  }
  return tree;
}
