// motcua — loader for the <mot-cua> element.
//
// Embed with two lines:
//   <script type="module" src="https://example.gov.vn/motcua/motcua.js"></script>
//   <mot-cua catalog="catalogs/commune-demo.json"></mot-cua>
//
// The widget's code (pkg/motcua_bg.wasm, and the parts in pkg/ it fetches when first needed) is
// found next to this file, whose release build has the wasm-bindgen glue inside (scripts/split-wasm);
// the catalog attribute is resolved against the page's address. No inline scripts or styles,
// so a page can use a Content-Security-Policy of `script-src 'self' 'wasm-unsafe-eval'`.

import init, { mount, widget_css } from './pkg/motcua.js';

const PORTAL = 'https://dichvucong.gov.vn/';

let started = null;
let sheet = null;

/**
 * Loads the wasm once per page, when the first element appears; every <mot-cua> shares it and its
 * stylesheet. The glue (`init`, `mount`, `widget_css`, with __wasm_split.js, which it imports) is
 * in this file in a release build; a debug build's page fetches it with this file.
 */
function start() {
  started ??= (async () => {
    await init({ module_or_path: fetch(new URL('./pkg/motcua_bg.wasm', import.meta.url)) });
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(widget_css());
    }
  })();
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

// The search box shown while the widget's code is on its way (seconds on a slow network): people
// can type at once; what they typed becomes the widget's first search, where they go on typing.
const EARLY_CSS = `
.motcua-early { display: block; padding: 1em; border: 1px solid #d9d9d9; border-radius: 8px; background: #fff;
  color: #1b1b1b; font: medium/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
.motcua-early label { display: block; margin-bottom: 0.5em; font-weight: 700; font-size: 1.125em; }
.motcua-early input { box-sizing: border-box; width: 100%; min-height: 2.75em; padding: 0.5em 0.75em; font: inherit;
  border: 2px solid #8c8c8c; border-radius: 8px; }
.motcua-early input:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
.motcua-early p { margin: 0.5em 0 0; color: #4d4d4d; }`;
const EARLY_WORDS = {
  vi: ['Tìm thủ tục hành chính', 'Đang tải công cụ tra cứu…'],
  en: ['Find an administrative procedure', 'Loading the search…'],
};
let earlySheet = null;

/** Puts the early search box in `root` (keeping what was typed in an earlier one). */
function early(root, lang) {
  if (root.querySelector('.motcua-early')) return;
  if (!earlySheet && 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    earlySheet = new CSSStyleSheet();
    earlySheet.replaceSync(EARLY_CSS);
  }
  if (earlySheet && !root.adoptedStyleSheets.includes(earlySheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, earlySheet];
  const [label, loading] = EARLY_WORDS[lang === 'en' ? 'en' : 'vi'];
  const box = document.createElement('div');
  box.className = 'motcua-early';
  const name = document.createElement('label');
  name.htmlFor = 'motcua-early-input';
  name.textContent = label;
  const input = document.createElement('input');
  Object.assign(input, { id: 'motcua-early-input', type: 'search', autocomplete: 'off', spellcheck: false });
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.textContent = loading;
  box.append(name, input, status);
  root.append(box);
}

/** What was typed in the early box, and whether it has the focus; the box is removed. */
function takeEarly(root) {
  const input = root.querySelector('#motcua-early-input');
  const taken = { text: input?.value ?? '', focused: Boolean(input) && root.activeElement === input };
  root.querySelector('.motcua-early')?.remove();
  return taken;
}

/**
 * A message for people that ends by sending them to the national portal: "<text> Cổng Dịch vụ công
 * quốc gia." with the portal linked. Also used by frame.html's script.
 */
export function portalNotice(text, className) {
  const box = document.createElement('p');
  box.className = className;
  box.setAttribute('role', 'alert');
  box.append(`${text} `);
  const link = document.createElement('a');
  link.href = PORTAL;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = 'Cổng Dịch vụ công quốc gia';
  box.append(link, '.');
  return box;
}

/** Shown when the wasm itself cannot start (very old browser, blocked file): plain text and a link. */
function fallback(root, error) {
  root.replaceChildren(portalNotice('Không tải được công cụ tra cứu thủ tục hành chính. Vui lòng tra cứu trên', 'error'));
  console.warn('motcua: the widget could not start:', error);
}

// The widgets in the page (each with what to do on a crash), and the wasm's internal error once it
// had one (`motcua:crash`, sent by its panic hook just before it stops): then every widget, and any
// added later, shows the notice above instead of a box that no longer answers.
const widgets = new Map();
let crashed = null;
window.addEventListener('motcua:crash', (event) => {
  crashed ??= new Error(`motcua: internal error: ${event.detail ?? ''}`);
  for (const crash of widgets.values()) crash();
});

/** An absolute URL for an attribute's value ('' when missing: the widget says what is missing). */
function absolute(value) {
  if (!value || !value.trim()) return '';
  try {
    return new URL(value.trim(), document.baseURI).href;
  } catch {
    return value;
  }
}

/** Requests made before the widget's code had started (catalogs, overlays), by address. */
const fetched = new Map();

/**
 * Starts downloading `url` (the catalog or the overlay) now, alongside the widget's code, rather
 * than once the code has started; the widget takes the request over (`catalogFetch`,
 * `overlayFetch` of `mount`): a promise of the bytes (an ArrayBuffer, not decoded here: the widget
 * reads them as UTF-8), or of `{ status }` or `{ error }`, which the widget counts as its first
 * attempt. Once per address.
 */
function prefetch(url) {
  if (!url || fetched.has(url)) return;
  const body = fetch(url, { mode: 'cors', credentials: 'same-origin' })
    .then((response) => (response.ok ? response.arrayBuffer() : { status: response.status }))
    .catch((error) => ({ error: String(error?.message ?? error) }));
  fetched.set(url, body);
}

/** The request `prefetch` made for `url`, once: a later mount asks again. */
function takeFetched(url) {
  const body = fetched.get(url);
  fetched.delete(url);
  return body;
}

/**
 * <mot-cua catalog overlay lang mode procedure query compact reset-after>: see the README.
 * API: search(query, { limit }) → Promise<[{ code, name, title, score }]>, open(code) →
 * Promise<boolean>, reset(). Events (bubbling, composed): motcua:ready, motcua:error,
 * motcua:open { code }, motcua:start-online { code, url }.
 */
class MotCuaElement extends HTMLElement {
  static observedAttributes = ['catalog', 'overlay', 'lang', 'mode', 'procedure', 'query', 'compact', 'reset-after', 'stale-after'];

  #mounted = null;
  #generation = 0;
  /** Settles when the catalog is loaded or failed; a pending one carries over a remount. */
  #ready = null;
  #settle = null;

  constructor() {
    super();
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    // Only the current mount sends these (an unmounted widget is freed).
    this.addEventListener('motcua:ready', () => this.#settled()?.resolve());
    this.addEventListener('motcua:error', (event) => {
      this.#settled()?.reject(new Error(`motcua: ${event.detail?.message ?? 'the widget could not start'}`));
    });
  }

  /** The pending promise's settle functions, once: a later mount makes a new promise. */
  #settled() {
    const settle = this.#settle;
    this.#settle = null;
    return settle;
  }

  connectedCallback() {
    widgets.set(this, () => this.#crash());
    this.#remount();
  }

  disconnectedCallback() {
    widgets.delete(this);
    this.#generation += 1;
    this.#unmount();
  }

  /** After the wasm's internal error: the notice, and `motcua:error` (the wasm is not called again). */
  #crash() {
    this.#generation += 1;
    this.#mounted = null;
    fallback(this.shadowRoot, crashed);
    this.dispatchEvent(new CustomEvent('motcua:error', { bubbles: true, composed: true, detail: { message: String(crashed) } }));
    // search() and open() reject from now on, even when the catalog had been loaded.
    this.#ready = Promise.reject(crashed);
    this.#ready.catch(() => {});
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    // Another procedure opens in place; any other change starts the widget again with it.
    if (name === 'procedure' && newValue && this.#mounted) {
      this.open(newValue);
      return;
    }
    this.#remount();
  }

  /** The catalog's absolute address ('' when the attribute is missing: the widget says so). */
  get catalogUrl() {
    return absolute(this.getAttribute('catalog'));
  }

  /** The best procedures for `query`, as the widget ranks them, once the catalog is loaded. */
  async search(query, { limit = 10 } = {}) {
    await this.#whenReady();
    const n = Math.max(1, Math.min(100, Math.floor(Number(limit)) || 10));
    return this.#mounted?.search(String(query ?? ''), n) ?? [];
  }

  /** Opens the procedure with `code` once the catalog is loaded; false if it has none. */
  async open(code) {
    await this.#whenReady();
    return this.#mounted?.open(String(code ?? '')) ?? false;
  }

  /** Back to the start: no query, no procedure (the citizen's ticks stay). */
  reset() {
    this.#mounted?.reset();
  }

  /** Resolves once the widget's catalog is loaded; rejects when it failed. */
  #whenReady() {
    return this.#ready ?? Promise.reject(new Error('motcua: the element is not in the page'));
  }

  async #remount() {
    if (crashed) {
      this.#crash();
      return;
    }
    const generation = ++this.#generation;
    this.#unmount();
    const root = this.shadowRoot;
    if (!this.#settle) {
      this.#ready = new Promise((resolve, reject) => {
        this.#settle = { resolve, reject };
      });
      // Nobody may be waiting: a failure is shown in the widget, not thrown at the page.
      this.#ready.catch(() => {});
    }
    if (!sheet) {
      early(root, this.getAttribute('lang'));
      prefetch(this.catalogUrl);
      prefetch(absolute(this.getAttribute('overlay')));
    }
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
    // Disconnected, or an attribute changed, while the wasm was loading: a newer call mounts.
    if (generation !== this.#generation || !this.isConnected) return;
    style(root);
    const typed = takeEarly(root);
    const attribute = (name) => this.getAttribute(name) ?? '';
    const overlay = absolute(this.getAttribute('overlay'));
    this.#mounted = mount(root, {
      catalog: this.catalogUrl,
      catalogFetch: takeFetched(this.catalogUrl),
      overlay,
      overlayFetch: takeFetched(overlay),
      lang: attribute('lang'),
      mode: attribute('mode'),
      procedure: attribute('procedure'),
      query: typed.text.trim() ? typed.text : attribute('query'),
      resetAfter: attribute('reset-after'),
      staleAfter: attribute('stale-after'),
      ...(this.hasAttribute('compact') ? { compact: attribute('compact') } : {}),
    });
    if (typed.focused) {
      const input = root.querySelector('input[type=search]');
      input?.focus();
      input?.setSelectionRange(input.value.length, input.value.length);
    }
  }

  #unmount() {
    const mounted = this.#mounted;
    this.#mounted = null;
    if (mounted) mounted.free();
    this.shadowRoot?.querySelectorAll(':scope > :not(style):not(.motcua-early)').forEach((el) => el.remove());
  }
}

if (!customElements.get('mot-cua')) customElements.define('mot-cua', MotCuaElement);
