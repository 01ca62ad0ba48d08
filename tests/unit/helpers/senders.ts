/** Who a message to the worker comes from, as the router reports it (src/background/router.ts). */
import type { SenderInfo } from '../../../src/background/router';

/** The popup, the options page or another extension page: no tab, no sidebar. */
export const EXTENSION_PAGE: SenderInfo = { role: 'extension-page', tabId: undefined, pageUrl: undefined, frameId: undefined, sidebar: undefined };
