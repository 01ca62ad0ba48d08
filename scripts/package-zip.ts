/** One browser's build zipped as the stores take it (web-ext build: the zip the Firefox add-on site expects; the same format loads in the Chrome Web Store). */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import webExt from 'web-ext';

export async function zipExtension(sourceDir: string, zipPath: string): Promise<void> {
  await rm(zipPath, { force: true });
  const result = (await webExt.cmd.build(
    { sourceDir, artifactsDir: dirname(zipPath), filename: basename(zipPath), overwriteDest: true },
    { shouldExitProgram: false },
  )) as { extensionPath: string };
  if (resolve(result.extensionPath) !== resolve(zipPath)) await rename(result.extensionPath, zipPath);
}
