/**
 * npm run package: a shipped build (no test hooks), zipped for the stores as
 * backstory-chromium.zip and backstory-firefox.zip (scripts/package-zip.ts).
 */
import { resolve } from 'node:path';
import { build } from './build';
import { BROWSER_TARGETS } from './manifest';
import { zipExtension } from './package-zip';

const outDir = resolve('dist');
await build({ seedDirs: [resolve('seeds')], outDir });
for (const target of BROWSER_TARGETS) {
  const filename = `backstory-${target}.zip`;
  await zipExtension(resolve(outDir, target), resolve(filename));
  console.log(`packaged ${filename}`);
}
