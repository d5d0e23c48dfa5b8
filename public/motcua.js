// motcua — loader for the <mot-cua> element.
//
// Embed with two lines:
//   <script type="module" src="https://example.gov.vn/motcua/motcua.js"></script>
//   <mot-cua catalog="catalogs/commune-demo.json"></mot-cua>
//
// The widget's code (pkg/motcua_bg.wasm) and glue (pkg/motcua.js) are found next to this file;
// the catalog attribute is resolved against the page's address. No inline scripts or styles,
// so a page can use a Content-Security-Policy of `script-src 'self' 'wasm-unsafe-eval'`.

import init, { mount, widget_css } from './pkg/motcua.js';

const PORTAL = 'https://dichvucong.gov.vn/';

let started = null;
let sheet = null;

/** Loads the wasm once per page; every <mot-cua> shares it and its stylesheet. */
function start() {
  started ??= init({ module_or_path: new URL('./pkg/motcua_bg.wasm', import.meta.url) }).then(() => {
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(widget_css());
    }
  });
  return started;
}

/** Applies the widget's CSS to a shadow root (constructed stylesheet; <style> on old browsers). */
function style(root) {
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector('style[data-motcua]')) {
    const el = document.createElement('style');
    el.dataset.motcua = '';
    el.textContent = widget_css();
    root.prepend(el);
  }
}

/** Shown when the wasm itself cannot start (very old browser, blocked file): plain text and a link. */
function fallback(root, error) {
  const box = document.createElement('p');
  box.className = 'error';
  box.setAttribute('role', 'alert');
  box.append('Không tải được công cụ tra cứu thủ tục hành chính. Vui lòng tra cứu trên ');
  const link = document.createElement('a');
  link.href = PORTAL;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = 'Cổng Dịch vụ công quốc gia';
  box.append(link, '.');
  root.replaceChildren(box);
  console.warn('motcua: the widget could not start:', error);
}

class MotCuaElement extends HTMLElement {
  static observedAttributes = ['catalog', 'lang', 'mode', 'reset-after'];

  #mounted = null;
  #generation = 0;

  constructor() {
    super();
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    this.#remount();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#unmount();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#remount();
  }

  /** The catalog's absolute address ('' when the attribute is missing: the widget says so). */
  get catalogUrl() {
    const value = this.getAttribute('catalog');
    if (!value || !value.trim()) return '';
    try {
      return new URL(value.trim(), document.baseURI).href;
    } catch {
      return value;
    }
  }

  async #remount() {
    const generation = ++this.#generation;
    this.#unmount();
    const root = this.shadowRoot;
    try {
      await start();
    } catch (error) {
      if (generation === this.#generation) {
        fallback(root, error);
        const detail = { message: String(error) };
        this.dispatchEvent(new CustomEvent('motcua:error', { bubbles: true, composed: true, detail }));
      }
      return;
    }
    // Disconnected, or the catalog changed, while the wasm was loading: a newer call mounts.
    if (generation !== this.#generation || !this.isConnected) return;
    style(root);
    // lang="en" starts in English (the widget offers the other language itself); mode="desk" is
    // for the one-stop desk; reset-after="<seconds>" (0: never) goes back to the start when idle.
    this.#mounted = mount(root, {
      catalog: this.catalogUrl,
      lang: this.getAttribute('lang') ?? '',
      mode: this.getAttribute('mode') ?? '',
      resetAfter: this.getAttribute('reset-after') ?? '',
    });
  }

  #unmount() {
    const mounted = this.#mounted;
    this.#mounted = null;
    if (mounted) mounted.free();
    this.shadowRoot?.querySelectorAll(':scope > :not(style)').forEach((el) => el.remove());
  }
}

if (!customElements.get('mot-cua')) customElements.define('mot-cua', MotCuaElement);
