/**
 * npm start [-- --browser chromium|firefox] [--offline] [--seeds DIR] [--headless] [--remote-debugging-port N]
 *
 * Builds the extension and opens a browser with it loaded on the first archived article
 * (web-ext run drives both browsers). --offline serves every archived article locally at
 * its own URL, for machines without network. Without a display it says so and prints the
 * folders to load unpacked, unless --headless asks for a browser without a window (which
 * --remote-debugging-port lets a tool look into; the offline-start browser test does).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveArticles } from './article-server';
import { readArchiveArticles } from './archive/archive-files';
import { build } from './build';
import { offlineBrowserSettings } from './offline-browser';

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    offline: { type: 'boolean', default: false },
    seeds: { type: 'string', multiple: true, default: ['seeds'] },
    headless: { type: 'boolean', default: false },
    'remote-debugging-port': { type: 'string' },
  },
});
const target = values.browser === 'firefox' ? 'firefox' : 'chromium';
const outDir = resolve('dist');
const built = await build({ seedDirs: values.seeds.map((dir) => resolve(dir)), outDir });
const extensionDir = resolve(outDir, target);
const archive = { ...built, articles: readArchiveArticles(join(extensionDir, 'archive')) };
console.log(`built ${archive.meta.articleCount} article(s) into ${outDir}`);

if (!values.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
No display found, so no browser window can open here (npm start -- --headless runs one without a window).
Load the extension by hand on a machine with a display:
  Chromium: chrome://extensions → Developer mode → Load unpacked → ${resolve(outDir, 'chromium')}
  Firefox:  about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${resolve(outDir, 'firefox', 'manifest.json')}
Then visit an archived article, e.g. ${archive.articles[0]?.url ?? '(none)'}`);
  process.exit(0);
}

const first = archive.articles[0];
if (!first) throw new Error('the archive is empty');
const args = ['web-ext', 'run', '--source-dir', extensionDir, '--no-reload', '--no-input'];
const browserArgs: string[] = [];
const prefs: string[] = [];
let startUrl = first.url;
if (values.offline) {
  const { port } = await serveArticles(archive.articles);
  const offline = offlineBrowserSettings(archive.hosts, port);
  startUrl = offline.startUrl(first.url);
  console.log(`offline mode: serving ${archive.articles.length} article(s) at their own URLs via 127.0.0.1:${port}`);
  if (target === 'chromium') browserArgs.push(...offline.chromiumArgs);
  else prefs.push(...Object.entries(offline.firefoxPrefs).map(([name, value]) => `${name}=${String(value)}`));
}

if (target === 'chromium') {
  // Chromium refuses to start as root with its sandbox on (the tests run it with --no-sandbox too).
  if (process.getuid?.() === 0) {
    console.log('Running as root: Chromium will not run as root with its sandbox, so it is started with --no-sandbox.');
    browserArgs.push('--no-sandbox');
  }
  if (values.headless) browserArgs.push('--headless=new');
  const binary = ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((path) => existsSync(path));
  args.push('--target', 'chromium', ...(binary ? ['--chromium-binary', binary] : []));
} else {
  if (values.headless) browserArgs.push('--headless');
  args.push('--target', 'firefox-desktop', ...(existsSync('/usr/bin/firefox-esr') ? ['--firefox', '/usr/bin/firefox-esr'] : []));
}
// Both browsers take this switch (Firefox for WebDriver BiDi).
if (values['remote-debugging-port']) browserArgs.push(`--remote-debugging-port=${values['remote-debugging-port']}`);
for (const pref of prefs) args.push('--pref', pref);
for (const arg of browserArgs) args.push(`--args=${arg}`);
args.push('--start-url', startUrl);

const child = spawn('npx', args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('exit', (code) => {
  if (code) console.error(`\nnpm start: web-ext exited with code ${code}: ${target} did not start, or quit (its messages are above).`);
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
