/**
 * A virtual X display (Debian's xvfb), what it shows, and key presses and clicks on it
 * (xdotool), for what a headless browser cannot show or take: Chromium's native permission
 * prompt, which only a headed Chromium draws and only a click (or a key press) answers (no
 * switch does for permissions.request), its page context menu, and extension shortcuts.
 * CI installs both packages (.ci/run); without them the tests that need them say so and skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface VirtualDisplay {
  /** ":<n>", for DISPLAY. */
  display: string;
  /** Runs xdotool on this display; answers its output, or throws with its error. */
  xdotool(...args: string[]): string;
  /** The brightness (0-255, the mean of red, green, blue) of the screen's pixel at (x, y), read from the frame buffer. */
  brightness(x: number, y: number): number;
  /** The bounding box of the pixels of `area` whose colour passes `test`, or null. */
  find(area: Box, test: (red: number, green: number, blue: number) => boolean): Box | null;
  /** Saves the whole screen (the browser's own dialogs included, which a page screenshot leaves out) as a PNG. */
  screenshot(path: string): void;
  /** A mouse click at (x, y) of the screen: the left button, or `button` (3: the right one). */
  click(x: number, y: number, button?: number): void;
  /** The focused X window's place on the screen. */
  focusedWindow(): Box;
  /** An X window's place on the screen. */
  windowBox(id: string): Box;
  /** The ids of the X windows shown now (menus included: they are windows of their own). */
  visibleWindows(): string[];
  close(): void;
}

const installed = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Why a virtual display cannot be had here, or null when it can. */
export function virtualDisplayMissing(): string | null {
  const missing = ['Xvfb', 'xdotool'].filter((command) => !installed(command));
  return missing.length === 0 ? null : `${missing.join(' and ')} not installed (Debian packages xvfb, xdotool; .ci/run installs them)`;
}

const SCREEN = { width: 1600, height: 1000 };

/** The screen as Xvfb draws it now: a reader of its pixels' [red, green, blue]. */
function readScreen(frameBuffer: string): (x: number, y: number) => [number, number, number] {
  const screen = readFileSync(join(frameBuffer, 'Xvfb_screen0'));
  // XWD: 25 big-endian 32-bit header fields, the header's rest, ncolors 12-byte colours, then the rows.
  const field = (index: number) => screen.readUInt32BE(index * 4);
  const [headerSize, byteOrder, bitsPerPixel, bytesPerLine, colours] = [field(0), field(7), field(11), field(12), field(19)];
  return (x, y) => {
    const at = headerSize + colours * 12 + y * bytesPerLine + x * (bitsPerPixel / 8);
    const pixel = byteOrder === 0 ? screen.readUInt32LE(at) : screen.readUInt32BE(at);
    return [(pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff];
  };
}

/** Starts Xvfb on a free display number, resolving once it accepts clients (it writes the number to -displayfd then). */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  // -fbdir: the screen's frame buffer is a file there (XWD format), so the driver can see what is drawn.
  const frameBuffer = mkdtempSync(join(tmpdir(), 'backstory-xvfb-'));
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`, '-nolisten', 'tcp', '-fbdir', frameBuffer], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let said = '';
    let errors = '';
    server.stderr?.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    server.stdio[3]?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('\n')) resolve(said.trim());
    });
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${errors.slice(-500)}`)));
    server.once('error', reject);
  });
  const display = `:${number}`;
  const xdotool = (...args: string[]): string => {
    const run = spawnSync('xdotool', args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) throw new Error(`xdotool ${args.join(' ')}: ${run.stderr || run.error?.message || `exit ${run.status}`}`);
    return run.stdout.trim();
  };
  const windowBox = (id: string): Box => {
    const shell = Object.fromEntries(
      xdotool('getwindowgeometry', '--shell', id)
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    return { x: Number(shell.X), y: Number(shell.Y), width: Number(shell.WIDTH), height: Number(shell.HEIGHT) };
  };
  return {
    display,
    xdotool,
    brightness(x, y) {
      const [red, green, blue] = readScreen(frameBuffer)(x, y);
      return (red + green + blue) / 3;
    },
    find(area, test) {
      const pixel = readScreen(frameBuffer);
      let found: { left: number; top: number; right: number; bottom: number } | null = null;
      for (let y = area.y; y < area.y + area.height; y++) {
        for (let x = area.x; x < area.x + area.width; x++) {
          if (!test(...pixel(x, y))) continue;
          found = found
            ? { left: Math.min(found.left, x), top: Math.min(found.top, y), right: Math.max(found.right, x), bottom: Math.max(found.bottom, y) }
            : { left: x, top: y, right: x, bottom: y };
        }
      }
      return found && { x: found.left, y: found.top, width: found.right - found.left + 1, height: found.bottom - found.top + 1 };
    },
    screenshot(path) {
      const pixel = readScreen(frameBuffer);
      const rows = Buffer.alloc((SCREEN.width * 3 + 1) * SCREEN.height);
      for (let y = 0; y < SCREEN.height; y++) {
        const row = y * (SCREEN.width * 3 + 1); // each row starts with its filter type, 0
        for (let x = 0; x < SCREEN.width; x++) rows.set(pixel(x, y), row + 1 + x * 3);
      }
      const chunk = (type: string, data: Buffer) => {
        const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
        const framed = Buffer.alloc(body.length + 8);
        framed.writeUInt32BE(data.length, 0);
        body.copy(framed, 4);
        framed.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
        return framed;
      };
      const header = Buffer.alloc(13);
      header.writeUInt32BE(SCREEN.width, 0);
      header.writeUInt32BE(SCREEN.height, 4);
      header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
      writeFileSync(path, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
    },
    click: (x, y, button = 1) => void xdotool('mousemove', String(x), String(y), 'click', String(button)),
    focusedWindow: () => windowBox(xdotool('getwindowfocus')),
    windowBox,
    visibleWindows: () => xdotool('search', '--onlyvisible', '--name', '.*').split('\n'),
    close() {
      server.kill();
      rmSync(frameBuffer, { recursive: true, force: true });
    },
  };
}
