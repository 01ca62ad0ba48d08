/**
 * The sidebar's place in the page: an extension-page <iframe> inside a closed shadow root.
 * The frame is cross-origin to the page, so the page cannot read what it shows or the keys
 * typed in it; the closed root keeps the page's scripts from reaching the frame element
 * itself, and the page's CSS cannot style anything inside. The host element's own box is
 * pinned with inline !important styles, which page stylesheets cannot override.
 */
import { browser, t } from '../shared/browser';
import type { PageMatch } from '../shared/messages';
// Minified into the bundle at build time (scripts/build.ts).
import SHADOW_CSS from './sidebar-frame.css?inline';

const MIN_WIDTH = 240;
const MAX_WIDTH = 1200;
const EDGE_TAB_WIDTH = 28;

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

  /**
   * Attaches to the page (its body, or the root element while the body is not parsed yet)
   * with the frame already pointing at the sidebar, so it never loads about:blank first.
   */
  constructor(
    root: HTMLElement,
    match: PageMatch,
    private readonly events: SidebarFrameEvents,
  ) {
    const shadow = this.host.attachShadow({ mode: 'closed' });
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
    this.edgeTab.style.width = `${EDGE_TAB_WIDTH}px`;
    this.edgeTab.type = 'button';
    this.edgeTab.textContent = 'Backstory';
    this.edgeTab.setAttribute('aria-label', t('sidebarReopen'));
    this.edgeTab.addEventListener('click', () => this.userSetOpen(true));

    this.panel.append(handle, this.iframe);
    shadow.append(style, this.panel, this.edgeTab);
    this.show(match);
    (document.body ?? root).append(this.host);
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
