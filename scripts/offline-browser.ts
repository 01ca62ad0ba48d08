/**
 * How `npm start -- --offline` points a browser at the local article server
 * (scripts/article-server.ts) while pages keep their real addresses.
 *
 * Chromium maps the archive's hosts to the server (--host-resolver-rules). Firefox has no
 * such switch, so the server is its HTTP proxy, and the start page is the article's http://
 * address (the extension's URL matching treats http and https alike). Firefox would
 * otherwise try https:// first (HTTPS-First, on by default since Firefox 129), and an
 * https:// request does not go through an HTTP-only proxy: it is looked up directly, and
 * a machine without network answers "Server Not Found".
 */
export interface OfflineBrowserSettings {
  chromiumArgs: string[];
  firefoxPrefs: Record<string, string | number | boolean>;
  /** The address to open for an article's URL. */
  startUrl(url: string): string;
}

export function offlineBrowserSettings(hosts: readonly string[], port: number): OfflineBrowserSettings {
  const rules = hosts.flatMap((host) => [`MAP ${host} 127.0.0.1:${port}`, `MAP *.${host} 127.0.0.1:${port}`]);
  return {
    chromiumArgs: [`--host-resolver-rules=${rules.join(', ')}`],
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.no_proxies_on': '',
      'dom.security.https_only_mode': false,
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
    },
    startUrl: (url) => url.replace(/^https:/, 'http:'),
  };
}
