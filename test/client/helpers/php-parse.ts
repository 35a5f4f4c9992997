// PHP's parse_str, for the test side only: the server parses our bodies with it, so the tests read
// them the same way. Checked against vectors/form-parse.json (made by PHP 8.2).

export type Parsed = { [key: string]: ParsedValue };
export type ParsedValue = string | Parsed | ParsedValue[];

function decode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

type Node = Map<string, Node | string>;

function insert(root: Node, name: string, value: string): void {
  const open = name.indexOf("[");
  // A top-level name has "." and " " turned into "_" (PHP's register-globals legacy); sub-keys keep them.
  let base = (open === -1 ? name : name.slice(0, open)).replace(/[. ]/g, "_");
  if (base === "") return;
  const keys: string[] = [];
  let rest = open === -1 ? "" : name.slice(open);
  while (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close === -1) {
      base = base + rest.replace(/[. []/g, "_");
      break;
    }
    keys.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
  }
  let node = root;
  const path = [base, ...keys];
  for (let i = 0; i < path.length; i += 1) {
    let key = path[i] as string;
    if (key === "") key = String([...node.keys()].filter(isListIndex).reduce((m, k) => Math.max(m, Number(k) + 1), 0));
    if (i === path.length - 1) {
      node.set(key, value);
      return;
    }
    const next = node.get(key);
    if (next instanceof Map) node = next;
    else {
      const created: Node = new Map();
      node.set(key, created);
      node = created;
    }
  }
}

// PHP arrays keyed 0..n-1 in order become JSON lists, as json_encode does; so the vectors compare directly.
function toPlain(node: Node): ParsedValue {
  const entries = [...node.entries()].map(([k, v]) => [k, v instanceof Map ? toPlain(v) : v] as const);
  if (entries.length > 0 && entries.every(([k], i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries) as Parsed;
}

export function phpParseStr(body: string): Parsed {
  const root: Node = new Map();
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decode(pair.slice(eq + 1));
    insert(root, name, value);
  }
  const plain = toPlain(root);
  return Array.isArray(plain) ? (Object.fromEntries(plain.map((v, i) => [String(i), v])) as Parsed) : (plain as Parsed);
}

/** PHP appends `[]` after the highest numeric key so far. */
function isListIndex(key: string): boolean {
  return /^\d+$/.exec(key) !== null;
}
