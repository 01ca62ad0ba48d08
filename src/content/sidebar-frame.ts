/**
 * The sidebar's place in the page: an extension-page <iframe> inside a closed shadow root.
 * The frame is cross-origin to the page, so the page cannot read what it shows or the keys
 * typed in it; the closed root keeps the page's scripts from reaching the frame element
 * itself, and the page's CSS cannot style anything inside. The host element's own box is
 * pinned with inline !important styles, which page stylesheets cannot override.
 */
import { browser, t } from '../shared/browser';
import type { PageMatch } from '../shared/messages';

const MIN_WIDTH = 240;
const MAX_WIDTH = 1200;
const EDGE_TAB_WIDTH = 28;

const SHADOW_CSS = `
:host { all: initial; }
.panel { position: absolute; inset: 0; display: flex; background: Canvas; color-scheme: light dark;
  box-shadow: -2px 0 8px rgb(0 0 0 / 0.25); }
.panel[hidden] { display: none; }
.resize { flex: 0 0 6px; cursor: ew-resize; background: transparent; border: 0; padding: 0; }
.resize:hover, .resize:focus-visible { background: #1b5e9e; outline: none; }
iframe { flex: 1 1 auto; border: 0; width: 100%; height: 100%; background: Canvas; }
.edge-tab { position: absolute; top: 40%; right: 0; width: ${EDGE_TAB_WIDTH}px; height: 88px; padding: 0;
  border: 0; border-radius: 6px 0 0 6px; background: #1b5e9e; color: #fff; cursor: pointer;
  font: 600 12px/1 system-ui, sans-serif; writing-mode: vertical-rl; letter-spacing: 0.05em;
  box-shadow: -1px 1px 4px rgb(0 0 0 / 0.3); }
.edge-tab[hidden] { display: none; }
.edge-tab:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
`;

export interface SidebarFrameEvents {
  /** The user opened or closed the sidebar (remembered per site by the worker). */
  onOpenChange(open: boolean): void;
  onResize(width: number): void;
}

export class SidebarFrame {
  private readonly host = document.createElement('backstory-sidebar');
  private readonly panel = document.createElement('div');
  private readonly iframe = document.createElement('iframe');
  private readonly edgeTab = document.createElement('button');
  private width = 420;
  private open = false;
  private readonly pageMarginBefore = document.documentElement.style.getPropertyValue('margin-right');
  private readonly pageMarginPriority = document.documentElement.style.getPropertyPriority('margin-right');
  private readonly onWindowResize = (): void => this.layout();

  constructor(private readonly events: SidebarFrameEvents) {
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;

    this.panel.className = 'panel';
    this.panel.setAttribute('role', 'complementary');
    this.panel.setAttribute('aria-label', t('sidebarLandmark'));

    const handle = document.createElement('button');
    handle.className = 'resize';
    handle.type = 'button';
    handle.setAttribute('aria-label', t('sidebarResize'));
    handle.title = t('sidebarResize');
    this.enableResizing(handle);

    this.iframe.title = t('sidebarFrameTitle');
    this.iframe.setAttribute('allow', '');

    this.edgeTab.className = 'edge-tab';
    this.edgeTab.type = 'button';
    this.edgeTab.textContent = 'Backstory';
    this.edgeTab.setAttribute('aria-label', t('sidebarReopen'));
    this.edgeTab.addEventListener('click', () => this.userSetOpen(true));

    this.panel.append(handle, this.iframe);
    root.append(style, this.panel, this.edgeTab);
    (document.body ?? document.documentElement).append(this.host);
    addEventListener('resize', this.onWindowResize);
  }

  show(match: PageMatch): void {
    this.width = clampWidth(match.width);
    const src = `${browser.runtime.getURL('sidebar.html')}#${match.token}/${match.articleId}`;
    if (this.iframe.src !== src) this.iframe.src = src;
    this.setOpen(match.open);
  }

  get isOpen(): boolean {
    return this.open;
  }

  toggle(): void {
    this.userSetOpen(!this.open);
    if (this.open) this.iframe.focus();
  }

  /** The user closed the sidebar from inside it (its × button): remembered like any close. */
  close(): void {
    this.userSetOpen(false);
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.panel.hidden = !open;
    this.edgeTab.hidden = open;
    this.layout();
  }

  remove(): void {
    removeEventListener('resize', this.onWindowResize);
    this.host.remove();
    this.restorePageMargin();
  }

  private userSetOpen(open: boolean): void {
    this.setOpen(open);
    this.events.onOpenChange(open);
    if (!open) this.edgeTab.focus();
  }

  /**
   * Pins the host at the right edge, and narrows the page by the sidebar's width so none of
   * it is hidden underneath. `right: 0` of a fixed box is the left edge of the page's
   * vertical scrollbar (the viewport's scrollbars are outside its containing block).
   */
  private layout(): void {
    const width = this.open ? Math.min(this.width, Math.max(MIN_WIDTH, innerWidth - 120)) : EDGE_TAB_WIDTH;
    const declarations = [
      'all: initial',
      'display: block',
      'position: fixed',
      'top: 0',
      'right: 0',
      'height: 100vh',
      `width: ${width}px`,
      'z-index: 2147483647',
      // Closed, only the edge tab takes clicks; the rest of the strip belongs to the page.
      `pointer-events: ${this.open ? 'auto' : 'none'}`,
    ];
    this.host.style.cssText = declarations.map((declaration) => `${declaration} !important;`).join(' ');
    this.edgeTab.style.pointerEvents = 'auto';
    if (this.open) document.documentElement.style.setProperty('margin-right', `${width}px`, 'important');
    else this.restorePageMargin();
  }

  private restorePageMargin(): void {
    document.documentElement.style.setProperty('margin-right', this.pageMarginBefore, this.pageMarginPriority);
  }

  private enableResizing(handle: HTMLElement): void {
    const setWidth = (width: number, save: boolean): void => {
      this.width = clampWidth(width);
      this.layout();
      if (save) this.events.onResize(this.width);
    };
    handle.addEventListener('pointerdown', (down) => {
      handle.setPointerCapture(down.pointerId);
      const move = (event: PointerEvent): void => setWidth(document.documentElement.clientWidth - event.clientX, false);
      const up = (): void => {
        handle.removeEventListener('pointermove', move);
        setWidth(this.width, true);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up, { once: true });
    });
    handle.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowLeft' ? 24 : event.key === 'ArrowRight' ? -24 : 0;
      if (step === 0) return;
      event.preventDefault();
      setWidth(this.width + step, true);
    });
  }
}

function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}
