/**
 * Serves every archived article as a plain page at its own address, for a machine that
 * cannot reach the real sites. The browser is pointed at this server for the archive's
 * hosts (Chromium: --host-resolver-rules; Firefox: an HTTP proxy), so the page's URL is
 * the article's real URL and the extension matches it exactly as it would online.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Article } from '../src/shared/archive-format';
import { tryUrlKey } from '../src/shared/url-key';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function articlePageHtml(article: Article): string {
  const paragraphs = [article.summary, ...article.paragraphs].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title>
<link rel="canonical" href="${escapeHtml(article.url)}"></head>
<body style="font:18px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem">
<p style="color:#a00">Local copy served by Backstory's offline mode (npm start -- --offline)</p>
<h1>${escapeHtml(article.title)}</h1><p><time>${escapeHtml(article.date)}</time></p>
${paragraphs}</body></html>`;
}

function indexHtml(articles: readonly Article[]): string {
  const items = articles
    .map((a) => `<li><a href="${escapeHtml(a.url.replace(/^https:/, 'http:'))}">${escapeHtml(a.title)}</a> (${escapeHtml(a.host)}, ${a.date})</li>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Backstory archive</title><h1>Archived articles</h1><ul>${items}</ul>`;
}

export async function serveArticles(articles: readonly Article[], port = 0): Promise<{ server: Server; port: number }> {
  const byKey = new Map(articles.map((article) => [article.key, article]));
  const server = createServer((request, response) => {
    // As a proxy the request line holds the absolute URL; as a host-mapped server, the Host header.
    const url = /^https?:\/\//.test(request.url ?? '') ? request.url ?? '' : `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`;
    const key = tryUrlKey(url);
    const article = key === null ? undefined : byKey.get(key);
    const body = article ? articlePageHtml(article) : indexHtml(articles);
    response.writeHead(article ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
