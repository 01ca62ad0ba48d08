/**
 * npm run package: a shipped build (no test hooks), zipped for the stores as
 * backstory-chromium.zip and backstory-firefox.zip (web-ext build, which the Firefox
 * add-on store expects; the same zip format loads in the Chrome Web Store).
 */
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import webExt from 'web-ext';
import { build } from './build';
import { BROWSER_TARGETS } from './manifest';

const outDir = resolve('dist');
await build({ seedDirs: [resolve('seeds')], outDir });
for (const target of BROWSER_TARGETS) {
  const filename = `backstory-${target}.zip`;
  await rm(resolve(filename), { force: true });
  const result = (await webExt.cmd.build(
    { sourceDir: resolve(outDir, target), artifactsDir: resolve('.'), filename, overwriteDest: true },
    { shouldExitProgram: false },
  )) as { extensionPath: string };
  if (resolve(result.extensionPath) !== resolve(filename)) await rename(result.extensionPath, filename);
  console.log(`packaged ${filename}`);
}
