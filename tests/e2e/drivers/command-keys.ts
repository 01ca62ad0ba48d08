/** A keyboard command's shortcut as the built manifest suggests it, for the drivers that press it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The suggested key of `command` in the manifest of `extensionDir` for Linux (these machines),
 * split into its parts: "Alt+Shift+K" → ['Alt', 'Shift', 'K'].
 */
export function suggestedKey(extensionDir: string, command: string): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key?: { default?: string; linux?: string } }>;
  };
  const suggested = manifest.commands[command]?.suggested_key;
  const shortcut = suggested?.linux ?? suggested?.default;
  if (!shortcut) throw new Error(`the manifest suggests no key for the command ${command}`);
  return shortcut.split('+');
}
