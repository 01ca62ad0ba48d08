/**
 * A local HTTPS server for article pages at their real https:// URLs (Chromium is pointed
 * at it with --host-resolver-rules). Pages that the extension opens itself (tabs.create
 * from the popup) load before Playwright's context.route can catch their first request,
 * so those tests need a real server instead of routing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HttpsPages {
  port: number;
  /** Chromium switches that send `hosts` to this server and accept its self-signed certificate. */
  chromiumArgs(hosts: readonly string[]): string[];
  close(): Promise<void>;
}

/** Serves `pages` (absolute URL without fragment → HTML); anything else is a 404. */
export async function serveHttpsPages(pages: ReadonlyMap<string, string>): Promise<HttpsPages> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const server: Server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (request, response) => {
    const url = `https://${request.headers.host?.replace(/:\d+$/, '') ?? ''}${request.url ?? '/'}`;
    const body = pages.get(url);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? '<!doctype html><title>Not found</title><p>Not found (test server)</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    chromiumArgs: (hosts) => [
      `--host-resolver-rules=${hosts.flatMap((host) => [`MAP ${host} 127.0.0.1:${port}`, `MAP *.${host} 127.0.0.1:${port}`]).join(', ')}`,
      '--ignore-certificate-errors',
    ],
    async close() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
