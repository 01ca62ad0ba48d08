/**
 * Bringing annotations in and taking notes out, in both browsers, on the shipped build:
 * a Hypothesis export chosen on the options page is previewed (what it holds, what is left
 * out and why), changes nothing until confirmed, and then its highlights, replies and page
 * note show in the article's sidebar; the Markdown folder export downloads a zip with one
 * file per article and its front matter; the W3C Web Annotation export, chosen in a fresh
 * profile, is previewed, imported and exported again as the same annotations.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestFrame, TestPage } from './drivers/types';
import { FIXTURE_TITLE, FIXTURE_URL, eventually, plainPage, seriousAxeViolations } from './fixtures';

const HYPOTHESIS = readFileSync('tests/fixtures/hypothesis/export.json', 'utf8');

/** Picks a file in the options page's import input, through the driver's file chooser. */
const chooseFile = (frame: TestFrame, name: string, content: string): Promise<void> =>
  frame.chooseFile('input[type="file"]', { name, mimeType: 'application/json', content });

/**
 * The annotations of a W3C export file, without `generated` (when that file was written); the
 * collection and its page get new ids each time.
 */
const annotationsIn = (file: Uint8Array): unknown[] =>
  (JSON.parse(strFromU8(file)) as { first: { items: Array<Record<string, unknown>> } }).first.items.map(({ generated: _, ...annotation }) => annotation);

const storedNotes = (browser: TestBrowser): Promise<number> =>
  browser.evaluateInBackground<number>(`(globalThis.browser ?? chrome).storage.local.get(null).then((all) => Object.keys(all).filter((key) => key.startsWith('notes:')).length)`);

describe.each(testBrowsers())('annotation import and Markdown export in %s', (browserName) => {
  let browser: TestBrowser;
  let article: TestPage;
  let options: TestPage;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(FIXTURE_URL, plainPage(FIXTURE_TITLE));
    article = await browser.open(FIXTURE_URL);
    options = await article.openExtensionWindow('options.html');
    await options.waitFor('input[type="file"]');
  });
  afterAll(() => browser?.close());

  it('previews a Hypothesis export, changes nothing until confirmed, then shows its notes in the sidebar', async () => {
    await chooseFile(options, 'hypothesis-export.json', HYPOTHESIS);
    await options.waitFor('.import-apply');
    expect(await options.text('.import-found-summary')).toBe(
      'Hypothesis export: 3 highlight(s) on 1 archived article(s), 1 page note(s), 2 repl(ies) kept under their annotation, 1 on articles this archive does not have, 1 could not be anchored.',
    );
    const skipped = await options.texts('.import-skipped li');
    expect(skipped).toHaveLength(6);
    // In file order.
    expect(skipped.map((line) => Number(/^annotation (\d+)/.exec(line)?.[1]))).toEqual([7, 8, 9, 10, 11, 12]);
    expect(skipped).toContain('annotation 8 (hyp-missing-0008): it could not be anchored in the archived text: “Subscribe to our newsletter for daily briefings”');
    expect(skipped).toContain('annotation 11 (hyp-script-0011): its document is not a web address of an article: javascript:alert(document.cookie)');
    expect(await options.text('.import-summary')).toContain('add 1, update 0 and skip 0');
    expect(await options.count('.import-report a')).toBe(0);
    await options.screenshot('import-hypothesis-preview');
    await options.evaluate(() => document.querySelector('.import-apply')?.scrollIntoView({ block: 'end' }), null);
    await options.screenshot('import-hypothesis-preview-confirm');
    expect(await storedNotes(browser)).toBe(0);
    expect(await seriousAxeViolations(options)).toEqual([]);

    await options.click('.import-apply');
    expect(await eventually(() => options.text('.import-summary'), 'Imported: 1 added, 0 updated, 0 skipped.')).toBe('Imported: 1 added, 0 updated, 0 skipped.');
    expect(await storedNotes(browser)).toBe(1);

    await article.goto(FIXTURE_URL);
    const sidebar = await article.sidebar();
    await sidebar.waitFor('mark.highlight');
    expect(await sidebar.texts('mark.highlight')).toEqual([
      'weapons depots',
      'a claim he later withdrew',
      'Officials in Iraq condemned the strikes as a violation of sovereignty',
    ]);
    const notes = await sidebar.texts('.highlight-item');
    expect(notes[1]).toContain('Did he really withdraw it? <script>alert(1)</script>');
    expect(notes[1]).toContain('Reply (Bob, 2024-02-06):');
    expect(notes[1]).toContain('Source?');
    expect(await sidebar.count('.highlight-item script')).toBe(0);
    expect(await sidebar.evaluate(() => (document.querySelector('.note-text') as HTMLTextAreaElement).value, null)).toBe("Compare with the Pentagon's own statement.");
    await article.screenshot('import-hypothesis-sidebar');
  });

  it('downloads the Markdown folder as a zip with one file per article and its front matter', async () => {
    // The file as the browser saved it.
    const zip = await options.download(() => options.click('.export-markdown-zip'));
    expect(zip.filename).toMatch(/^backstory-notes-\d{4}-\d\d-\d\d\.zip$/);
    const files = unzipSync(zip.content);
    const names = Object.keys(files);
    expect(names).toEqual([expect.stringMatching(new RegExp(`^backstory-notes-\\d{4}-\\d\\d-\\d\\d/${FIXTURE_TITLE}\\.md$`))]);
    const markdown = strFromU8(files[names[0]!]!);
    expect(markdown).toMatch(new RegExp(`^---\\ntitle: "${FIXTURE_TITLE}"\\nurl: "${FIXTURE_URL}"\\narchived: "2024-02-03"\\nsite: "sputnikglobe.com"\\ntags:\\n  - "strikes"\\n  - "kirby"\\n  - "corrections"\\nentities:\\n`));
    expect(markdown).toContain(`[Original article](<${FIXTURE_URL}>)`);
    expect(markdown).toContain("Compare with the Pentagon's own statement.");
    expect(markdown).toContain('> weapons depots');
  });

  it('imports its own W3C Web Annotation export into a fresh profile, with a preview, and exports the same annotations again', async () => {
    const exported = await options.download(() => options.click('.export-jsonld'));
    const annotations = annotationsIn(exported.content);
    expect(annotations).toHaveLength(4); // three highlights and the page note

    const fresh = await launch(browserName);
    try {
      fresh.serve(FIXTURE_URL, plainPage(FIXTURE_TITLE));
      const page = await fresh.open(FIXTURE_URL);
      const freshOptions = await page.openExtensionWindow('options.html');
      await freshOptions.waitFor('input[type="file"]');
      await freshOptions.chooseFile('input[type="file"]', { name: exported.filename, mimeType: 'application/ld+json', content: strFromU8(exported.content) });
      await freshOptions.waitFor('.import-apply');
      expect(await freshOptions.text('.import-found-summary')).toBe('Web Annotations: 3 highlight(s) on 1 archived article(s), 1 page note(s).');
      expect(await freshOptions.text('.import-summary')).toContain('add 1, update 0 and skip 0');
      expect(await storedNotes(fresh)).toBe(0);
      await freshOptions.screenshot('import-w3c-preview');

      await freshOptions.click('.import-apply');
      expect(await eventually(() => freshOptions.text('.import-summary'), 'Imported: 1 added, 0 updated, 0 skipped.')).toBe('Imported: 1 added, 0 updated, 0 skipped.');
      const again = await freshOptions.download(() => freshOptions.click('.export-jsonld'));
      expect(annotationsIn(again.content)).toEqual(annotations);

      await page.goto(FIXTURE_URL);
      const sidebar = await page.sidebar();
      await sidebar.waitFor('mark.highlight');
      expect(await sidebar.count('mark.highlight')).toBe(3);
      await page.screenshot('import-w3c-sidebar');
    } finally {
      await fresh.close();
    }
  });
});
