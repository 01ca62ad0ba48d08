/**
 * One TestFrame over either driver's frame: playwright-core and puppeteer-core frames share
 * `$eval`, `$$eval`, `evaluate`, `click`, `waitForSelector` and `type`.
 */
import type { ChosenFile, TestFrame } from './types';

/** The subset of both libraries' Frame that the adapter uses. */
export interface DriverFrame {
  $eval<R>(selector: string, fn: (element: Element) => R): Promise<R>;
  $$eval<R>(selector: string, fn: (elements: Element[]) => R): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate(source: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  type(selector: string, text: string): Promise<void>;
}

export interface Keyboard {
  press(key: string): Promise<void>;
}

/** How a driver picks a file in a file input of this frame (the libraries differ). */
export type FileChooser = (selector: string, file: ChosenFile) => Promise<void>;

const noFileChooser: FileChooser = async () => {
  throw new Error('this frame was adapted without a file chooser');
};

export function adaptFrame(frame: DriverFrame, keyboard: Keyboard, chooseFile: FileChooser = noFileChooser): TestFrame {
  return {
    text: (selector) => frame.$eval(selector, (element) => element.textContent),
    texts: (selector) => frame.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? '')),
    attribute: (selector, name) =>
      frame.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name] as const),
    count: (selector) => frame.$$eval(selector, (elements) => elements.length),
    click: (selector) => frame.click(selector),
    async clickText(selector, text) {
      const contents = await frame.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
      const at = contents.findIndex((content) => content.trim().startsWith(text));
      if (at === -1) throw new Error(`no ${selector} starting with ${JSON.stringify(text)} among ${JSON.stringify(contents)}`);
      // Mark the element, then click it through the driver: a real, trusted click.
      await frame.evaluate(
        ([s, i]) => {
          const element = document.querySelectorAll(s)[i];
          if (!(element instanceof HTMLElement)) throw new Error('gone');
          element.scrollIntoView({ block: 'center' });
          element.setAttribute('data-test-target', '');
        },
        [selector, at] as const,
      );
      await frame.click('[data-test-target]');
      await frame.evaluate(() => document.querySelector('[data-test-target]')?.removeAttribute('data-test-target'), null);
    },
    type: (selector, text) => frame.type(selector, text),
    chooseFile,
    press: (key) => keyboard.press(key),
    waitFor: async (selector) => {
      await frame.waitForSelector(selector, { timeout: 15_000 });
    },
    evaluate: (fn, arg) => frame.evaluate(fn, arg),
    runScript: async (source) => {
      await frame.evaluate(source);
    },
  };
}
