/**
 * A user's own input to a headed Chromium on a virtual display (./xvfb.ts), for what only a
 * real input does: a keyboard shortcut, the page's context menu, the native permission
 * dialog. Each is read off the screen and answered with real key presses and clicks
 * (xdotool), so the browser treats it as the user's: an extension's shortcut or menu item
 * grants it the tab (activeTab), and a permission it asks for then is within the gesture.
 */
import type { Page, Worker } from 'playwright-core';
import { CHROMIUM_EXTENSION_DIR } from '../paths';
import { suggestedKey } from './command-keys';
import { screenshotPath } from './served-pages';
import type { VirtualDisplay } from './xvfb';

/** Polls `found` (every 50 ms, 10 s at most) until it answers something, else throws `what`. */
async function until<T>(page: Page, found: () => T | null | false, what: () => string): Promise<T> {
  for (const deadline = Date.now() + 10_000; ; await page.waitForTimeout(50)) {
    const value = found();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Chromium: ${what()}`);
  }
}

/** Makes `page` the shown tab of the browser's active window, once the page itself says it has the focus. */
async function toFront(page: Page): Promise<void> {
  await page.bringToFront();
  await page.waitForFunction(() => document.hasFocus(), null, { timeout: 10_000 });
}

/**
 * Brings `page`'s browser window to the front and gives it the keyboard, as the user's click on
 * it would. No window manager runs on Xvfb: xdotool raises and focuses the window itself.
 */
async function focusWindow(page: Page, display: VirtualDisplay): Promise<void> {
  await toFront(page);
  const id = display.xdotool('getwindowfocus');
  display.xdotool('windowraise', id);
  display.xdotool('windowfocus', '--sync', id);
}

/**
 * Whether the extension holds `page`'s site already: if not, the user's action asks for it
 * (the capture triggers do, within the gesture) and the browser's dialog comes up.
 */
function holdsSite(page: Page, worker: Worker): Promise<boolean> {
  return worker.evaluate((origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }), new URL(page.url()).origin);
}

/**
 * Runs `act` (a click that asks the browser for a permission) and clicks "Allow" in the native
 * dialog it brings up, once it is drawn and enabled.
 */
export async function answerPrompt(page: Page, display: VirtualDisplay, act: () => Promise<void>): Promise<void> {
  await toFront(page);
  // The dialog is drawn inside this window (no window of its own, no focus change the page
  // sees) and dims the rest of it: a spot of the page's own background darkening is the
  // sign it is up, and coming back that it is gone.
  const window = display.focusedWindow();
  const spot = { x: window.x + 8, y: window.y + window.height - 8 };
  const lit = display.brightness(spot.x, spot.y);
  const corner = () => `the window's corner stays at brightness ${display.brightness(spot.x, spot.y)}, was ${lit}`;
  await act();
  await until(page, () => display.brightness(spot.x, spot.y) < lit * 0.8, () => `no permission dialog came up (${corner()})`);
  // It fades in: its buttons are looked for once it has settled.
  let readings: number[] = [];
  await until(
    page,
    () => {
      readings = [...readings, display.brightness(spot.x, spot.y)].slice(-4);
      return readings.length === 4 && readings.every((value) => value === readings[0]);
    },
    () => `the permission dialog did not settle (${corner()})`,
  );
  // Its buttons: "Deny" (the default, filled dark blue) and right of it "Allow" (light blue,
  // once enabled: the browser enables it a moment after showing the dialog), clicked at its
  // centre. (The dialog may be wider than the window: the search runs 300 px either side.)
  const area = { x: Math.max(0, window.x - 300), y: window.y, width: window.width + 600, height: 400 };
  const deny = await until(page, () => display.find(area, (red, green, blue) => red < 40 && green > 60 && green < 110 && blue > 160), () => 'the permission dialog shows no "Deny" button');
  const besideDeny = { x: deny.x + deny.width, y: deny.y, width: 200, height: deny.height };
  const findAllow = () => display.find(besideDeny, (red, green, blue) => blue > 230 && blue - red > 25 && green > 200);
  await until(page, findAllow, () => 'the permission dialog shows no enabled "Allow" button beside "Deny"');
  display.screenshot(screenshotPath('chromium', 'permission-dialog'));
  const closed = (): boolean => display.brightness(spot.x, spot.y) >= lit * 0.95;
  // The browser drops a click that comes too soon after the dialog is drawn (its guard
  // against a double click answering a prompt the user never saw), and nothing on screen
  // tells when that guard ends: while the dialog stays up, "Allow" is clicked again.
  for (let attempt = 1; ; attempt++) {
    const allow = findAllow();
    // Gone on a second look: the dialog is closing after all.
    if (!allow) break;
    display.click(allow.x + Math.round(allow.width / 2), allow.y + Math.round(allow.height / 2));
    const answered = Date.now() + 2_000;
    while (!closed() && Date.now() < answered) await page.waitForTimeout(50);
    if (closed() || attempt === 3) break;
  }
  await until(page, closed, () => `the permission dialog did not close after three clicks on "Allow" (${corner()})`);
}

/**
 * Presses the shortcut of the extension's `command` (the manifest's suggested key) on
 * `page`'s window, answering the site's dialog when the command asks for it. Chromium leaves
 * a suggested key unassigned when it is one of its own shortcuts (Alt+Shift+B focuses the
 * bookmarks bar): pressing it then would run the browser's, so that is said instead.
 */
export async function pressCommand(page: Page, display: VirtualDisplay, worker: Worker, command: string): Promise<void> {
  const parts = suggestedKey(CHROMIUM_EXTENSION_DIR, command);
  const assigned = await worker.evaluate((name) => chrome.commands.getAll().then((all) => all.find((c) => c.name === name)?.shortcut ?? null), command);
  if (assigned !== parts.join('+')) throw new Error(`Chromium: the command ${command} has the shortcut "${assigned ?? ''}", not the manifest's ${parts.join('+')} (unassigned: a browser shortcut of its own, or taken)`);
  // xdotool's key names: ctrl, alt, shift, super, and the key's own (lower-case for a letter).
  const keys = parts.map((part) => (part.length === 1 ? part.toLowerCase() : ({ Ctrl: 'ctrl', Alt: 'alt', Shift: 'shift', Command: 'super' } as Record<string, string>)[part] ?? part)).join('+');
  const press = async (): Promise<void> => {
    await focusWindow(page, display);
    display.xdotool('key', '--clearmodifiers', keys);
  };
  if (await holdsSite(page, worker)) await press();
  else await answerPrompt(page, display, press);
}

/** The pixels of the extension's icon (the dark blue of its page glyph) as the menu draws it beside its item. */
const extensionIcon = (red: number, green: number, blue: number): boolean => blue > 120 && blue - red > 70 && blue - green > 30;

/**
 * Right-clicks `page` at `at` (CSS pixels of its viewport) and clicks the extension's item in
 * the context menu Chromium draws, answering the site's dialog when the click asks for it.
 * Chromium shows an extension's only item for the page at the menu's top level, with the
 * extension's icon: its row is found by that icon.
 */
export async function clickPageMenuItem(page: Page, display: VirtualDisplay, worker: Worker, at: { x: number; y: number }): Promise<void> {
  const choose = async (): Promise<void> => {
    await focusWindow(page, display);
    // Where the viewport is on the screen: a mouse move over the page tells it (the event's
    // screen less its client coordinates; the browser's toolbars are above the viewport).
    const window = display.focusedWindow();
    const listening = await page.evaluateHandle(() => ({
      moved: new Promise<{ x: number; y: number }>((resolve) =>
        addEventListener('mousemove', (event) => resolve({ x: event.screenX - event.clientX, y: event.screenY - event.clientY }), { once: true }),
      ),
    }));
    const middle = { x: window.x + Math.round(window.width / 2), y: window.y + Math.round(window.height / 2) };
    display.xdotool('mousemove', String(middle.x), String(middle.y));
    display.xdotool('mousemove', String(middle.x + 1), String(middle.y + 1));
    const origin = await listening.evaluate((handle) => handle.moved);
    await listening.dispose();
    const shown = new Set(display.visibleWindows());
    display.click(origin.x + at.x, origin.y + at.y, 3);
    // The menu is a window of its own (and so may be a tooltip): the new one that shows the icon.
    let opened: string[] = [];
    const { menu, icon } = await until(
      page,
      () => {
        opened = display.visibleWindows().filter((id) => !shown.has(id));
        for (const id of opened) {
          const found = display.find(display.windowBox(id), extensionIcon);
          if (found) return { menu: id, icon: found };
        }
        return null;
      },
      () => `the right click opened no context menu with the extension's icon (new windows: ${opened.map((id) => JSON.stringify(display.windowBox(id))).join(', ') || 'none'})`,
    );
    display.screenshot(screenshotPath('chromium', 'page-context-menu'));
    const open = (): boolean => display.visibleWindows().includes(menu);
    // A click that comes as the menu opens may be taken for the right click's release: while
    // the menu stays up, the item is clicked again.
    for (let attempt = 1; open(); attempt++) {
      if (attempt > 3) throw new Error('Chromium: the context menu stayed open after three clicks on the extension\'s item');
      display.click(icon.x + Math.round(icon.width / 2), icon.y + Math.round(icon.height / 2));
      const closed = Date.now() + 2_000;
      while (open() && Date.now() < closed) await page.waitForTimeout(50);
    }
  };
  if (await holdsSite(page, worker)) await choose();
  else await answerPrompt(page, display, choose);
}
