/**
 * npm run build [-- --seeds DIR [--seeds DIR2 …]] [--out DIR] [--watch]
 *
 * Compiles the seed archive, bundles every entry point with esbuild, and writes
 * dist/chromium/ and dist/firefox/, each loadable unpacked. Everything is written to a
 * staging folder first (the archive as it is compiled, scripts/archive/stream-compile.ts)
 * and moved into place only when all of it succeeded, so a failed or stopped build (a
 * malformed seed, a type of error esbuild reports, Ctrl-C) leaves the previous dist/ as it was.
 * Prints the build's wall time, CPU time and peak memory.
 */
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { listSeedFiles } from './archive/seed-set';
import { compileArchiveTo, type CompileSummary, type StreamCompileOptions } from './archive/stream-compile';
import { ArchiveBuildError } from './archive/seed-errors';
import { inOwnThread } from './archive/threads';
import { ENTITY_EXTRACTOR_GLOBAL, ENTITY_EXTRACTOR_SCRIPT, ENTITY_KNOWLEDGE_PACK } from '../src/background/capture/extractor-files';
import { BROWSER_TARGETS, browserManifest } from './manifest';

const root = resolve(import.meta.dirname, '..');

export const ENTRY_POINTS = {
  background: 'src/background/main.ts',
  content: 'src/content/main.ts',
  sidebar: 'src/sidebar/main.tsx',
  popup: 'src/popup/main.tsx',
  options: 'src/options/main.tsx',
  capture: 'src/content/capture/main.ts',
} as const;

/**
 * capture.js is injected with scripting.executeScript, which answers with the script's
 * last expression: the bundle names its module and ends by calling it (src/content/capture/main.ts).
 */
const CAPTURE_SCRIPT = { globalName: 'backstoryCapture', footer: { js: 'backstoryCapture.captureThisPage();' } };

const PAGES = ['sidebar.html', 'popup.html', 'options.html'];

/**
 * The sidebar is on the path from page load to the sidebar painted, so it is an ES module
 * whose rarely needed parts (the live-page reader, the notes UI with its Markdown parser)
 * are split into chunks/ and imported when first used.
 */
const SPLIT_PAGE = 'sidebar';
const CHUNK_DIR = 'chunks';

/**
 * The capture extractor (src/background/capture/entities.ts) is its own classic script,
 * loaded by the worker on the first capture. Its bundle is wrapped in a function so that
 * evaluating the file (which Chromium's worker does while installing) defines that function
 * and runs none of wink-nlp's setup.
 */
const ENTITY_EXTRACTOR_ENTRY = 'src/background/capture/extractor-bundle.ts';

function entityExtractorOptions(): esbuild.BuildOptions {
  const globalName = 'entityExtractor';
  return {
    ...esbuildOptions({ [ENTITY_EXTRACTOR_SCRIPT.replace(/\.js$/, '')]: ENTITY_EXTRACTOR_ENTRY }),
    globalName,
    banner: { js: `globalThis.${ENTITY_EXTRACTOR_GLOBAL}=function(){` },
    footer: { js: `return ${globalName};};` },
  };
}

export interface BuildOptions {
  /** Folders of seed files; their articles form one archive. */
  seedDirs: string[];
  outDir: string;
  /** Archive compiler options (the benchmarks' synthetic entity extractor, the number of worker threads). */
  compile?: StreamCompileOptions;
}

/** The content script gets native promise APIs instead of the polyfill (src/shared/native-browser.ts). */
const nativeBrowserForContentScript: esbuild.Plugin = {
  name: 'native-browser',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: join(root, 'src/shared/native-browser.ts') }));
  },
};

/** `import css from './x.css?inline'`: the stylesheet minified, as a string (Vite, in unit tests, reads the same import). */
const inlineCss: esbuild.Plugin = {
  name: 'inline-css',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => {
      const { code } = await esbuild.transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true, legalComments: 'none' });
      return { contents: code.trim(), loader: 'text', watchFiles: [args.path] };
    });
  },
};

function esbuildOptions(entryPoints: Record<string, string>, plugins: esbuild.Plugin[] = []): esbuild.BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints,
    plugins: [inlineCss, ...plugins],
    bundle: true,
    format: 'iife',
    metafile: true,
    target: ['chrome120', 'firefox128'],
    // Both targets have Unicode property escapes; unmarked, esbuild turns such regex literals
    // into `new RegExp` calls it cannot drop when unused (valibot's emoji regex, 0.7 KB).
    supported: { 'regexp-unicode-property-escapes': true },
    // For a profile (scripts/bench/profile-captured.ts): readable function names, same code otherwise.
    ...(process.env.BACKSTORY_BUILD_NAMES === '1' ? { minifyWhitespace: true, minifySyntax: true } : { minify: true }),
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(value));
}

/** Bundled files by their path in the extension (`sidebar.js`, `chunks/extras-XYZ.js`). */
type Bundles = Map<string, Uint8Array>;

/**
 * The chunks a split page imports statically, to be fetched with the page itself
 * (`<link rel="modulepreload">`) instead of after its entry script was read.
 */
function staticImports(metafile: esbuild.Metafile, entry: string): string[] {
  const found = new Set<string>();
  const visit = (output: string): void => {
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || found.has(imported.path)) continue;
      found.add(imported.path);
      visit(imported.path);
    }
  };
  visit(`out/${entry}`);
  return [...found].map((path) => path.replace(/^out\//, ''));
}

async function pageHtml(page: string, preloads: readonly string[]): Promise<string> {
  const name = page.split('.')[0] ?? '';
  const html = await readFile(join(root, 'src', name, page), 'utf8');
  if (preloads.length === 0) return html;
  if (!html.includes('</head>')) throw new Error(`src/${name}/${page} has no </head> for its module preloads`);
  const links = preloads.map((path) => `  <link rel="modulepreload" href="${path}" />\n`).join('');
  return html.replace('</head>', `${links}  </head>`);
}

async function writeBrowserDir(
  dir: string,
  target: (typeof BROWSER_TARGETS)[number],
  bundles: Bundles,
  pages: Map<string, string>,
  hosts: readonly string[],
  knowledgePack: string,
): Promise<void> {
  await mkdir(join(dir, CHUNK_DIR), { recursive: true });
  for (const [path, contents] of bundles) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
  await writeFile(join(dir, ENTITY_KNOWLEDGE_PACK), knowledgePack);
  await cp(join(root, 'static'), dir, { recursive: true });
  for (const [page, html] of pages) await writeFile(join(dir, page), html);

  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  await writeJson(join(dir, 'manifest.json'), browserManifest(source, target, { hosts: [...hosts], version }));
}

/** A staging folder left by a build that was stopped: its process is gone. */
async function removeAbandonedStaging(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => []);
  for (const name of names) {
    const pid = /^\.staging-(\d+)$/.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch {
      await rm(join(outDir, name), { recursive: true, force: true });
    }
  }
}

export interface BuildSummary extends CompileSummary {
  /** The build's wall time, its CPU time (every thread), and the process's peak resident memory. */
  ms: number;
  cpuMs: number;
  peakRssBytes: number;
}

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const seedFiles = (await Promise.all(options.seedDirs.map(listSeedFiles))).flat();
  const { content, capture, [SPLIT_PAGE]: split, ...others } = ENTRY_POINTS;
  // The knowledge pack is made (and its thread gone) before the compile's threads start.
  const packed = inOwnThread<string>(new URL('./archive/knowledge-pack-worker.ts', import.meta.url));
  const results = await Promise.all([
    esbuild.build(esbuildOptions(others)),
    esbuild.build(esbuildOptions({ content }, [nativeBrowserForContentScript])),
    esbuild.build({ ...esbuildOptions({ capture }), ...CAPTURE_SCRIPT }),
    esbuild.build({
      ...esbuildOptions({ [SPLIT_PAGE]: split }),
      format: 'esm',
      splitting: true,
      chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    }),
    esbuild.build(entityExtractorOptions()),
  ]);
  const knowledgePack = await packed;
  const bundles: Bundles = new Map();
  for (const result of results) {
    for (const file of result.outputFiles ?? []) bundles.set(relative(join(root, 'out'), file.path), file.contents);
  }
  const splitMeta = results[3].metafile;
  const pages = new Map<string, string>();
  for (const page of PAGES) {
    const preloads = page === `${SPLIT_PAGE}.html` && splitMeta ? staticImports(splitMeta, `${SPLIT_PAGE}.js`) : [];
    pages.set(page, await pageHtml(page, preloads));
  }

  await removeAbandonedStaging(options.outDir);
  const staging = join(options.outDir, `.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    const archive = await compileArchiveTo(
      seedFiles,
      BROWSER_TARGETS.map((target) => join(staging, target, 'archive')),
      join(staging, 'scratch'),
      options.compile,
    );
    for (const target of BROWSER_TARGETS) {
      await writeBrowserDir(join(staging, target), target, bundles, pages, archive.hosts, knowledgePack);
    }
    for (const target of BROWSER_TARGETS) {
      // The previous build is moved aside, not deleted, until the new one is in its place.
      await rm(join(staging, `previous-${target}`), { recursive: true, force: true });
      await rename(join(options.outDir, target), join(staging, `previous-${target}`)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(join(staging, target), join(options.outDir, target));
    }
    const usage = process.resourceUsage();
    return {
      ...archive,
      ms: performance.now() - started,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      // maxRSS is in kilobytes, and covers the worker threads (they share the process).
      peakRssBytes: usage.maxRSS * 1024,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof ArchiveBuildError) return error.message;
  const errors = (error as { errors?: esbuild.Message[] }).errors;
  if (Array.isArray(errors)) {
    return errors.map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''}: ${e.text}`).join('\n');
  }
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', multiple: true, default: ['seeds'] },
      out: { type: 'string', default: 'dist' },
      watch: { type: 'boolean', default: false },
    },
  });
  const options: BuildOptions = {
    seedDirs: values.seeds.map((dir) => resolve(dir)),
    outDir: resolve(values.out),
  };
  const once = async (): Promise<boolean> => {
    try {
      const built = await build(options);
      console.log(
        `built ${built.meta.articleCount} article(s) on ${built.hosts.length} host(s) into ${options.outDir}/{chromium,firefox} ` +
          `in ${Math.round(built.ms)} ms (CPU ${Math.round(built.cpuMs)} ms, ${built.workers} worker thread(s), peak memory ${Math.round(built.peakRssBytes / 1e6)} MB)`,
      );
      return true;
    } catch (error) {
      console.error(`build failed: ${describeFailure(error)}`);
      return false;
    }
  };
  const ok = await once();
  if (!values.watch) {
    process.exitCode = ok ? 0 : 1;
    return;
  }
  const { watch } = await import('node:fs');
  let timer: NodeJS.Timeout | undefined;
  for (const dir of ['src', 'static', 'scripts', ...options.seedDirs, 'manifest.json']) {
    watch(resolve(root, dir), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void once(), 150);
    });
  }
  console.log('watching src/, static/, scripts/, the seeds and manifest.json; Ctrl-C to stop');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
