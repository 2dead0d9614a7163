/**
 * Run one build in a child process and measure it: wall time, CPU time, peak memory of the whole
 * process tree, and the size of what it wrote. CPU time (user + system, from GNU time, children
 * included) moves less than wall time when other work shares the machine. Memory is measured two ways and the larger is reported:
 * GNU time's `%M` (the exact peak RSS of the largest single process of the tree, from the kernel) and
 * the sum of VmRSS over the tree, sampled every 200 ms (catches Astro and Pagefind's binary running
 * at the same time, but may miss a peak shorter than the interval).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 200;

export interface BuildRun {
  /** The command and its arguments. */
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the build writes the site. */
  outDir: string;
  /** Where the build's combined output is saved. */
  logFile: string;
}

export interface BuildMeasure {
  code: number | null;
  wallSeconds: number;
  /** User + system CPU seconds of the tree (NaN without GNU time). */
  cpuSeconds: number;
  peakBytes: number;
  outBytes: number;
  indexBytes: number;
  /** 1-minute load average when the build started (other work on the machine skews timings). */
  loadAverage: number;
  output: string;
}

/** Total size in bytes of the files under `dir` (0 if it does not exist). */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

const PAGE_SIZE = 4096;

/** Parent pid and resident set size (bytes) of every process, from one read of /proc/<pid>/stat each. */
function processTable(): Map<number, { parent: number; rss: number }> {
  const table = new Map<number, { parent: number; rss: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (in parentheses, may contain spaces): state, ppid (4th field), …, rss in pages (24th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { parent: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE });
    } catch {
      // The process ended while we read it.
    }
  }
  return table;
}

/** Sum of RSS over `root` and all its descendants. */
function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Run the build, sampling memory while it runs, and measure its output folder. */
export function measureBuild(run: BuildRun): Promise<BuildMeasure> {
  const useTime = existsSync(GNU_TIME);
  const timeFile = `${run.logFile}.maxrss`;
  const [command, args] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, run.command, ...run.args]] : [run.command, run.args];
  const loadAverage = os.loadavg()[0] ?? 0;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: run.cwd, env: run.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let sampledPeak = 0;
    const sample = () => {
      if (child.pid) sampledPeak = Math.max(sampledPeak, treeRss(child.pid));
    };
    const sampler = setInterval(sample, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      writeFileSync(run.logFile, output);
      // "<max RSS kB> <user s> <system s>", after a "Command exited with non-zero status" line on failure.
      const [maxKb = Number.NaN, user = Number.NaN, system = Number.NaN] =
        useTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [];
      resolve({
        code,
        wallSeconds,
        cpuSeconds: user + system,
        peakBytes: Math.max(sampledPeak, Number.isFinite(maxKb) ? maxKb * 1024 : 0),
        outBytes: folderBytes(run.outDir),
        indexBytes: folderBytes(path.join(run.outDir, 'pagefind')),
        loadAverage,
        output,
      });
    });
  });
}

/** Phases of an Astro build, in seconds, read from the durations its log prints (undefined when absent). */
export interface BuildPhases {
  /** Content sync and types ("[types] Generated"): Astro renders every chapter here. */
  sync?: number;
  /** Until "Collecting build info" completes: content sync (every chapter rendered), types, integration set-up (our content check). */
  setup?: number;
  /** "generating static routes": pages written. */
  pages?: number;
  /** After the pages, in the `astro:build:done` hooks (ours: KaTeX assets, redirects and URL manifest, search index, CSP; Starlight: search index, sitemap). */
  done?: number;
  /** The Pagefind index (ours: "Search: indexed …"; Starlight: "Finished building search index"). */
  search?: number;
}

/** Seconds in one of Astro's durations: "315ms", "9.70s", "1m 15s" (and Pagefind's "5904 ms"). */
function seconds(match: RegExpExecArray | null): number | undefined {
  const text = match?.[1];
  if (!text) return undefined;
  const minutes = /(\d+)m(?!s)/.exec(text);
  const rest = /([\d.]+) ?(ms|s)$/.exec(text);
  return (minutes ? Number(minutes[1]) * 60 : 0) + (rest ? Number(rest[1]) / (rest[2] === 'ms' ? 1000 : 1) : 0);
}

const DURATION = '((?:\\d+m )?[\\d.]+ ?m?s)';

/** Read the phase durations from a build's output. */
export function buildPhases(output: string): BuildPhases {
  const total = seconds(new RegExp(`\\[build\\] \\d+ page\\(s\\) built in ${DURATION}`).exec(output));
  const setup = seconds(new RegExp(`Collecting build info\\.\\.\\.\\n.*✓ Completed in ${DURATION}`).exec(output));
  const staticBuild = seconds(new RegExp(`generating static routes[\\s\\S]*?\\[build\\] ✓ Completed in ${DURATION}`).exec(output));
  return {
    done: total !== undefined && setup !== undefined && staticBuild !== undefined ? total - setup - staticBuild : undefined,
    sync: seconds(new RegExp(`\\[types\\] Generated ${DURATION}`).exec(output)),
    setup,
    pages: seconds(new RegExp(`generating static routes[\\s\\S]*?✓ Completed in ${DURATION}`).exec(output)),
    search: seconds(new RegExp(`(?:Search: indexed \\d+ page\\(s\\) in|Finished building search index in) ${DURATION}`).exec(output)),
  };
}
