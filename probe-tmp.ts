import { launchChromiumWithExtension } from '/work/wt/i17a/scripts/chromium-extension';
const { context, worker, extensionId, close } = await launchChromiumWithExtension('/work/wt/i17a/dist-test/chromium', { args: ['--enable-unsafe-extension-debugging'] });
console.log('browser()', context.browser() !== null);
const b = context.browser();
await context.route(/^https?:\/\//, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<html><head><title>T</title></head><body><article><h1>Hello world headline</h1>' + '<p>Some paragraph text that is long enough to count as an article paragraph for the test. </p>'.repeat(8) + '</article></body></html>' }));
const page = await context.newPage();
await page.goto('https://news.example.org/a/b.html');
try {
  const cdp = await b!.newBrowserCDPSession();
  const targets = await cdp.send('Target.getTargets' as any);
  const tab = (targets as any).targetInfos.find((t: any) => t.type === 'page' && t.url.includes('news.example.org'));
  await cdp.send('Extensions.triggerAction' as any, { id: extensionId, targetId: tab.targetId });
  console.log('triggered');
  await page.waitForTimeout(1500);
  const t2 = await cdp.send('Target.getTargets' as any);
  console.log((t2 as any).targetInfos.map((t: any) => t.type + ' ' + t.url).join('\n'));
  const r = await worker.evaluate(async () => { const [tab] = await chrome.tabs.query({ url: 'https://news.example.org/*' }); return tab?.url ?? 'no url'; });
  console.log('tab url seen by worker:', r);
} catch (e) { console.log('err', String(e)); }
await close();
