/**
 * What a browser test needs of a browser, the same for Chromium (playwright-core) and
 * Firefox (puppeteer-core), so one set of test cases runs in both (tests/e2e/*.test.ts
 * use `describe.each(testBrowsers())`).
 */
import type { ServeOptions } from './served-pages';

export type BrowserName = 'chromium' | 'firefox';

/** A file as a user picks it in a file input's chooser. */
export interface ChosenFile {
  name: string;
  mimeType: string;
  content: string;
}

/** A file the browser downloaded, as it saved it. */
export interface DownloadedFile {
  filename: string;
  content: Buffer;
}

/** A frame: the sidebar, or an extension page. CSS selectors only, as both drivers have them. */
export interface TestFrame {
  text(selector: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  attribute(selector: string, name: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  click(selector: string): Promise<void>;
  /** Clicks the first element matching `selector` whose text starts with `text`. */
  clickText(selector: string, text: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  /**
   * Picks `file` in the file input `selector` as the browser's file chooser does: the driver
   * sets the input's files (Chromium: playwright's setInputFiles; Firefox: WebDriver BiDi's
   * input.setFiles from a file on disk), and the browser fires its input and change events.
   */
  chooseFile(selector: string, file: ChosenFile): Promise<void>;
  press(key: string): Promise<void>;
  waitFor(selector: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs a script's source in the frame, as the driver does (not subject to the frame's CSP). */
  runScript(source: string): Promise<void>;
}

export interface TestPage extends TestFrame {
  url(): string;
  /** The sidebar frame, once its article title is in the document. */
  sidebar(): Promise<TestFrame>;
  screenshot(name: string): Promise<string>;
  mouseClick(x: number, y: number): Promise<void>;
  viewport(): { width: number; height: number };
  goBack(): Promise<void>;
  /** Navigates this tab to `url` (served pages as for TestBrowser.open). */
  goto(url: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** The toolbar badge of this page's tab. */
  badge(): Promise<string>;
  /**
   * Clicks the extension's toolbar button for this tab as the user does: the browser grants
   * the extension this tab (activeTab) and opens its popup. Chromium: the DevTools
   * protocol's Extensions.triggerAction; Firefox: the action's own trigger in the browser
   * window, in the parent process (what the button's command runs).
   */
  clickAction(): Promise<void>;
  /**
   * Runs an extension keyboard command with this page's tab active, as its shortcut (the
   * manifest's suggested key) does: the browser grants the extension the tab. Firefox: the
   * shortcut's own <key> element in the browser window, in the parent process. Chromium headed
   * (a virtual display): the key pressed on the focused window (xdotool), the site's dialog
   * answered when the command asks for a site not yet granted; headless, which has no
   * shortcuts: the worker's commands.onCommand dispatched over the DevTools protocol (no grant).
   */
  runCommand(command: string): Promise<void>;
  /**
   * Clicks `selector`, a control that asks the browser for a permission, and lets the
   * browser's prompt be answered as the launch said (LaunchOptions.permissionAnswer).
   * Firefox: answered in the parent process as it opens. Chromium, accepting: headed on a
   * virtual display, the native dialog's "Allow" clicked (xdotool) once it is drawn;
   * declining: headless, where the prompt is never drawn nor answered.
   */
  clickAndAnswerPrompt(selector: string): Promise<void>;
  /** Whether the extension has a context-menu item with this id. */
  menuExists(id: string): Promise<boolean>;
  /**
   * Right-clicks the page at (x, y) and clicks the extension's context-menu item `id` in the
   * menu the browser opens, as the user does. Firefox: the real right click (WebDriver BiDi),
   * then the item of the browser's own content-area menu activated in the parent process.
   * Chromium headed (a virtual display): the right click and the click on the item (found by
   * the extension's icon beside it) with xdotool, the site's dialog answered when the click
   * asks for a site not yet granted. Headless Chromium opens no context menu (it throws).
   */
  clickMenuItem(id: string, at?: { x: number; y: number }): Promise<void>;
  /**
   * Runs `trigger` and returns the file it makes the browser download, read from where the
   * browser saved it (Chromium: playwright's download event; Firefox: a new entry of the
   * browser's own download list that finished, saved to a test folder without asking).
   */
  download(trigger: () => Promise<void>): Promise<DownloadedFile>;
  /** Opens an extension page (e.g. popup.html) in a popup window beside this page. */
  openExtensionWindow(path: string): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  /** Serves `body` (a page, unless `options` say otherwise) at `url` (without fragment); other URLs get a 404 page. */
  serve(url: string, body: string, options?: ServeOptions): void;
  open(url: string, viewport?: { width: number; height: number }): Promise<TestPage>;
  /**
   * Evaluates a JavaScript expression (a promise is awaited; the value must be JSON) in the
   * extension's background (Chromium: the service worker over the DevTools protocol;
   * Firefox: the background page over the Remote Debugging Protocol). Pages cannot reach it.
   */
  evaluateInBackground<T>(expression: string): Promise<T>;
  /**
   * Lets the extension run in private windows, as the user does in the browser's own
   * settings (the extension restarts). Chromium: chrome://extensions, the extension's
   * details, "Allow in Incognito" (Developer mode on, as for any unpacked extension);
   * Firefox: about:addons, the add-on's details, "Run in Private Windows: Allow".
   */
  allowInPrivateWindows(): Promise<void>;
  /**
   * Opens `url` in a private window. Chromium: an incognito window; Firefox: any window of a
   * browser launched with `privateWindows` (every window private), else it throws.
   */
  openPrivate(url: string, viewport?: { width: number; height: number }): Promise<TestPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /**
   * How the browser answers the extension's permission requests (permissions.request):
   * Firefox's optional-permission prompt answered in the parent process; Chromium's native
   * dialog's "Allow" clicked, headed on a virtual display (accept; needs xvfb and xdotool,
   * ./xvfb.ts), or left unanswered headless (decline). Unset: nobody answers.
   */
  permissionAnswer?: 'accept' | 'decline';
  /** Firefox: every window is private ("Always use private browsing mode"). Chromium opens incognito windows on request (TestBrowser.openPrivate). */
  privateWindows?: boolean;
}
