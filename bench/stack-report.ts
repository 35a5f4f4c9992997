/**
 * What `npm run bench -- stack` prints and writes: the table, the slopes against N, the targets with
 * a verdict each, and the SVG plot (drawn here by hand, so the benchmark needs no plotting library).
 */

export interface Side {
  seconds: number;
  rssMb: number;
  rssSampledMb: number;
  providerProcesses: number;
  /** CPU seconds of the command's processes: the CLI and engine (with the language host), the program, the provider process (dynamic-provider host or plugin). */
  cpuSeconds: { engine: number; program: number; provider: number };
  /** CPU seconds of the benchmark's own process meanwhile: the emulator answering the provider, and the /proc sampler. */
  benchCpuSeconds: number;
  /** The stack's checkpoint after the command, KiB: the file backend rewrites it as steps complete. */
  stateKb: number;
  /** Load average (1 min) when the command started: the machine is shared. */
  load: number;
  /** The command was run with --expect-no-changes and the engine found changes. */
  unexpectedChanges?: boolean;
}

/** The same command on the plugin's program: its own run, calls and ratio to the same floor run. */
export interface PluginResult {
  side: Side;
  ratio: number;
  calls: number;
  callsPerDomain: number;
  writes: number;
  routes: Record<string, number>;
}

export interface OpResult {
  key: string;
  label: string;
  provider: Side;
  floor: Side;
  ratio: number;
  calls: number;
  callsPerDomain: number;
  writes: number;
  routes: Record<string, number>;
  /** Absent in figures from before the plugin was measured, and with `--no-plugin`. */
  plugin?: PluginResult;
}

export interface SizeResult {
  n: number;
  resources: number;
  ops: OpResult[];
  extras: OpResult[];
  /** Wall time of everything at this N: seeding, stack set-up, every command of both programs. */
  totalSeconds: number;
  /** Measured with PULUMI_SKIP_CHECKPOINTS=true for every program (bench/stack.ts, `withoutCheckpoints`). */
  skipCheckpoints?: boolean;
  /** When and where this N was measured (a run with `--merge` keeps other runs' sizes beside it). */
  measuredAt?: string;
  machine?: string;
}

export interface Target {
  what: string;
  value: string;
  met: boolean | undefined;
}

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : "–");

export function table(sizes: readonly SizeResult[]): string {
  const head = ["N", "operation", "provider s", "floor s", "ratio", "API calls", "calls/domain", "writes", "provider RSS MiB", "floor RSS MiB", "plugin s", "plugin ratio", "plugin calls/domain", "plugin writes", "plugin RSS MiB"];
  const rows = sizes.flatMap((s) =>
    [...s.ops, ...s.extras].map((o) => [
      String(s.n),
      o.label + (o.provider.unexpectedChanges ? " (changes!)" : ""),
      fixed(o.provider.seconds, 1),
      fixed(o.floor.seconds, 1),
      fixed(o.ratio, 2),
      String(o.calls),
      fixed(o.callsPerDomain, 2),
      String(o.writes),
      fixed(o.provider.rssMb, 0),
      fixed(o.floor.rssMb, 0),
      ...(o.plugin
        ? [fixed(o.plugin.side.seconds, 1) + (o.plugin.side.unexpectedChanges ? " (changes!)" : ""), fixed(o.plugin.ratio, 2), fixed(o.plugin.callsPerDomain, 2), String(o.plugin.writes), fixed(o.plugin.side.rssMb, 0)]
        : ["–", "–", "–", "–", "–"]),
    ]),
  );
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** Per route, calls per domain, for each operation: where the provider's calls go (the plugin's on a line of its own). */
export function routeBreakdown(sizes: readonly SizeResult[]): string {
  const lines: string[] = [];
  const routes = (counts: Record<string, number>, n: number) => {
    const parts = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([route, count]) => `${route} ${fixed(count / n, 2)}`);
    return parts.length > 0 ? parts.join(", ") : "no API call";
  };
  for (const s of sizes) {
    for (const o of s.ops) {
      lines.push(`N=${s.n} ${o.label}: ${routes(o.routes, s.n)}`);
      if (o.plugin) lines.push(`N=${s.n} ${o.label} (plugin): ${routes(o.plugin.routes, s.n)}`);
    }
  }
  return lines.join("\n");
}

/** CPU seconds by process for each run: where the time over the floor is spent (2 cores, so CPU can exceed wall time). */
export function cpuTable(sizes: readonly SizeResult[]): string {
  const head =
    "| N | operation | provider run: engine / program / provider / emulator+sampler CPU s | floor run: engine / program / provider / sampler CPU s | checkpoint KiB provider / floor | plugin run: engine / program / plugin / emulator+sampler CPU s | plugin checkpoint KiB |\n|---|---|---|---|---|---|---|";
  const cell = (side: Side) => [side.cpuSeconds.engine, side.cpuSeconds.program, side.cpuSeconds.provider, side.benchCpuSeconds].map((c) => fixed(c, 1)).join(" / ");
  const row = (s: SizeResult, o: OpResult) =>
    `| ${s.n} | ${o.label} | ${cell(o.provider)} | ${cell(o.floor)} | ${fixed(o.provider.stateKb, 0)} / ${fixed(o.floor.stateKb, 0)} | ${o.plugin ? cell(o.plugin.side) : "–"} | ${o.plugin ? fixed(o.plugin.side.stateKb, 0) : "–"} |`;
  return [head, ...sizes.flatMap((s) => [...s.ops, ...s.extras].map((o) => row(s, o)))].join("\n");
}

export interface Slope {
  op: string;
  from: number;
  to: number;
  providerSecondsPerDomain: number;
  floorSecondsPerDomain: number;
  /** Absent when either size has no plugin run. */
  pluginSecondsPerDomain?: number;
}

/** Seconds per domain between consecutive sizes: the marginal cost of one more domain. */
export function slopes(sizes: readonly SizeResult[]): Slope[] {
  const out: Slope[] = [];
  const sorted = [...sizes].sort((a, b) => a.n - b.n);
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1];
    const b = sorted[k];
    if (!a || !b) continue;
    for (const op of b.ops) {
      const before = a.ops.find((o) => o.key === op.key);
      if (!before) continue;
      out.push({
        op: op.label,
        from: a.n,
        to: b.n,
        providerSecondsPerDomain: (op.provider.seconds - before.provider.seconds) / (b.n - a.n),
        floorSecondsPerDomain: (op.floor.seconds - before.floor.seconds) / (b.n - a.n),
        ...(op.plugin && before.plugin ? { pluginSecondsPerDomain: (op.plugin.side.seconds - before.plugin.side.seconds) / (b.n - a.n) } : {}),
      });
    }
  }
  return out;
}

export function slopeTable(all: readonly Slope[]): string {
  const head = "| operation | N | provider s/domain | floor s/domain | plugin s/domain |\n|---|---|---|---|---|";
  return [
    head,
    ...all.map((s) => `| ${s.op} | ${s.from} → ${s.to} | ${fixed(s.providerSecondsPerDomain, 3)} | ${fixed(s.floorSecondsPerDomain, 3)} | ${s.pluginSecondsPerDomain === undefined ? "–" : fixed(s.pluginSecondsPerDomain, 3)} |`),
  ].join("\n");
}

/** The operations the targets name (bench/stack.ts runs them under these labels). */
const LABELS: Record<string, string> = { up: "up (adopt)", noop: "up (no-op)", preview: "preview", refresh: "preview --refresh", destroy: "destroy" };

export function targets(sizes: readonly SizeResult[]): Target[] {
  const at = (n: number) => sizes.find((s) => s.n === n);
  const op = (s: SizeResult | undefined, key: string) => s?.ops.find((o) => o.key === key);
  const out: Target[] = [];
  const ratioTarget = (n: number, key: string, limit: number) => {
    const o = op(at(n), key);
    out.push({ what: `${LABELS[key] ?? key}: ratio to the floor ≤ ${limit} at N = ${n}`, value: o ? fixed(o.ratio, 2) : "not run", met: o ? o.ratio <= limit : undefined });
  };
  for (const key of ["up", "destroy"]) ratioTarget(100, key, 1.3);
  for (const key of ["preview", "refresh"]) ratioTarget(100, key, 1.15);
  for (const key of ["up", "destroy", "preview", "refresh"]) ratioTarget(1000, key, 1.5);
  for (const s of sizes) {
    const preview = op(s, "preview");
    if (preview) out.push({ what: `preview of an unchanged program: 0 API calls (N = ${s.n})`, value: String(preview.calls), met: preview.calls === 0 });
    const refresh = op(s, "refresh");
    if (refresh) out.push({ what: `preview --refresh: ≤ 5 calls per domain (N = ${s.n})`, value: fixed(refresh.callsPerDomain, 2), met: refresh.callsPerDomain <= 5 });
    const noop = op(s, "noop");
    if (noop) out.push({ what: `no-op up: 0 writes (N = ${s.n})`, value: String(noop.writes), met: noop.writes === 0 });
  }
  const big = at(1000);
  const peak = big ? Math.max(...big.ops.map((o) => o.provider.rssMb)) : undefined;
  out.push({ what: "provider memory < 300 MiB at N = 1000", value: peak === undefined ? "not run" : `${fixed(peak, 0)} MiB`, met: peak === undefined ? undefined : peak < 300 });
  return out;
}

export const targetLines = (all: readonly Target[]): string =>
  all.map((t) => `${t.met === undefined ? "not run" : t.met ? "met    " : "NOT MET"}  ${t.what}: ${t.value}`).join("\n");

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * One panel per operation: wall time against N (log scale when N spans more than one size),
 * provider solid, floor dashed, plugin dotted (when measured), each point labelled with its seconds.
 */
export function svg(sizes: readonly SizeResult[], title: string): string {
  const sorted = [...sizes].sort((a, b) => a.n - b.n);
  const ops = sorted[0]?.ops ?? [];
  const cols = 3;
  const [pw, ph, pad] = [300, 220, 46];
  const width = cols * pw + 20;
  const height = Math.ceil(ops.length / cols) * ph + 70;
  const ns = sorted.map((s) => s.n);
  const withPlugin = sorted.some((s) => s.ops.some((o) => o.plugin !== undefined));
  const [lo, hi] = [Math.log10(Math.min(...ns)), Math.log10(Math.max(...ns))];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
    `<line x1="10" y1="36" x2="34" y2="36" stroke="#1f77b4" stroke-width="2"/><text x="40" y="40">provider</text>`,
    `<line x1="110" y1="36" x2="134" y2="36" stroke="#d62728" stroke-width="2" stroke-dasharray="5,3"/><text x="140" y="40">floor (no-op dynamic resources)</text>`,
    ...(withPlugin ? [`<line x1="330" y1="36" x2="354" y2="36" stroke="#2ca02c" stroke-width="2" stroke-dasharray="2,2"/><text x="360" y="40">plugin (pulumi-resource-domainsreseller)</text>`] : []),
  ];
  ops.forEach((op, index) => {
    const ox = 10 + (index % cols) * pw;
    const oy = 50 + Math.floor(index / cols) * ph;
    const [x0, x1, y0, y1] = [ox + pad, ox + pw - 16, oy + ph - 36, oy + 22];
    const series = (side: "provider" | "floor") => sorted.map((s) => ({ n: s.n, t: s.ops.find((o) => o.key === op.key)?.[side].seconds ?? Number.NaN }));
    const provider = series("provider");
    const floor = series("floor");
    const plugin = sorted.map((s) => ({ n: s.n, t: s.ops.find((o) => o.key === op.key)?.plugin?.side.seconds ?? Number.NaN }));
    const top = Math.max(1, ...[...provider, ...floor, ...plugin].map((p) => p.t).filter(Number.isFinite)) * 1.15;
    const x = (n: number) => (hi === lo ? (x0 + x1) / 2 : x0 + ((Math.log10(n) - lo) / (hi - lo)) * (x1 - x0));
    const y = (t: number) => y0 - (t / top) * (y0 - y1);
    parts.push(`<text x="${ox + pad}" y="${oy + 12}" font-weight="bold">${escape(op.label)}</text>`);
    for (const frac of [0, 0.5, 1]) {
      const t = (top / 1.15) * frac;
      parts.push(`<text x="${x0 - 4}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${fixed(t, t < 10 ? 1 : 0)}</text><line x1="${x0}" y1="${y(t).toFixed(1)}" x2="${x1}" y2="${y(t).toFixed(1)}" stroke="#eee"/>`);
    }
    // Axes after the grid, so the grid's zero line does not cover them.
    parts.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#555"/><line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#555"/>`);
    for (const n of ns) parts.push(`<text x="${x(n)}" y="${y0 + 14}" text-anchor="middle">${n}</text>`);
    parts.push(`<text x="${(x0 + x1) / 2}" y="${y0 + 28}" text-anchor="middle" fill="#555">domains (N)${ns.length > 1 ? ", log scale" : ""}</text>`);
    parts.push(`<text x="${ox + 10}" y="${(y0 + y1) / 2}" transform="rotate(-90 ${ox + 10} ${(y0 + y1) / 2})" text-anchor="middle" fill="#555">seconds</text>`);
    const line = (points: { n: number; t: number }[], colour: string, dash: string) => {
      const shown = points.filter((p) => Number.isFinite(p.t));
      parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${shown.map((p) => `${x(p.n).toFixed(1)},${y(p.t).toFixed(1)}`).join(" ")}"/>`);
      for (const p of shown) parts.push(`<circle cx="${x(p.n).toFixed(1)}" cy="${y(p.t).toFixed(1)}" r="3" fill="${colour}"/>`);
    };
    line(floor, "#d62728", ` stroke-dasharray="5,3"`);
    if (withPlugin) line(plugin, "#2ca02c", ` stroke-dasharray="2,2"`);
    line(provider, "#1f77b4", "");
    // Labels lean inwards so the rightmost stays inside its panel; provider above its point, floor
    // below. The plugin's sit level with its point, further in than the other two (whose labels are
    // at most about 25 px wide), so they stay clear of them when the three times are close.
    const label = (p: { n: number; t: number }, dy: number, colour: string, dx = 5) => {
      if (!Number.isFinite(p.t)) return;
      const right = x(p.n) > (x0 + x1) / 2;
      parts.push(`<text x="${(x(p.n) + (right ? -dx : dx)).toFixed(1)}" y="${(y(p.t) + dy).toFixed(1)}" text-anchor="${right ? "end" : "start"}" fill="${colour}" stroke="white" stroke-width="3" paint-order="stroke">${fixed(p.t, 1)}</text>`);
    };
    for (const p of provider) label(p, -6, "#1f77b4");
    for (const p of floor) label(p, 14, "#d62728");
    if (withPlugin) for (const p of plugin) label(p, 4, "#2ca02c", 40);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
