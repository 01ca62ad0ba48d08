/**
 * npm start [-- --browser chromium|firefox] [--offline] [--seeds DIR]
 *
 * Builds the extension and opens a browser with it loaded on the first archived article
 * (web-ext run drives both browsers). --offline serves every archived article locally at
 * its own URL, for machines without network. Without a display it says so and prints the
 * folders to load unpacked.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveArticles } from './article-server';
import { build } from './build';

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    offline: { type: 'boolean', default: false },
    seeds: { type: 'string', multiple: true, default: ['seeds'] },
  },
});
const target = values.browser === 'firefox' ? 'firefox' : 'chromium';
const outDir = resolve('dist');
const archive = await build({ seedDirs: values.seeds.map((dir) => resolve(dir)), outDir });
const extensionDir = resolve(outDir, target);
console.log(`built ${archive.meta.articleCount} article(s) into ${outDir}`);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
No display found, so no browser window can open here.
Load the extension by hand on a machine with a display:
  Chromium: chrome://extensions → Developer mode → Load unpacked → ${resolve(outDir, 'chromium')}
  Firefox:  about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${resolve(outDir, 'firefox', 'manifest.json')}
Then visit an archived article, e.g. ${archive.articles[0]?.url ?? '(none)'}`);
  process.exit(0);
}

const first = archive.articles[0];
if (!first) throw new Error('the archive is empty');
const args = ['web-ext', 'run', '--source-dir', extensionDir, '--no-reload'];
let startUrl = first.url;
if (values.offline) {
  const { port } = await serveArticles(archive.articles);
  // Served over plain http: the extension's URL normalization treats http and https alike.
  startUrl = first.url.replace(/^https:/, 'http:');
  console.log(`offline mode: serving ${archive.articles.length} article(s) at their own URLs via 127.0.0.1:${port}`);
  if (target === 'chromium') {
    const rules = archive.hosts.flatMap((host) => [`MAP ${host} 127.0.0.1:${port}`, `MAP *.${host} 127.0.0.1:${port}`]);
    args.push(`--args=--host-resolver-rules=${rules.join(', ')}`);
  } else {
    for (const pref of ['network.proxy.type=1', 'network.proxy.http=127.0.0.1', `network.proxy.http_port=${port}`, 'dom.security.https_only_mode=false']) {
      args.push('--pref', pref);
    }
  }
}
if (target === 'chromium') {
  const binary = ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((path) => existsSync(path));
  args.push('--target', 'chromium', ...(binary ? ['--chromium-binary', binary] : []));
} else {
  args.push('--target', 'firefox-desktop', ...(existsSync('/usr/bin/firefox-esr') ? ['--firefox', '/usr/bin/firefox-esr'] : []));
}
args.push('--start-url', startUrl);
const child = spawn('npx', args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
