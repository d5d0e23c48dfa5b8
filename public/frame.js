// motcua — frame.html's script: one <mot-cua> made from the page's URL parameters, and its height
// sent to the page that frames it (whose motcua-frame.js resizes the iframe to it).
//
//   <iframe data-motcua src="https://xa.gov.vn/motcua/frame.html?query=khai%20sinh&origin=https://xa.gov.vn"
//           title="Tra cứu thủ tục hành chính" width="100%" height="900"></iframe>

import { portalNotice } from './motcua.js';

/** URL parameters passed on as the element's attributes of the same name; others are ignored. */
const OPTIONS = ['catalog', 'lang', 'mode', 'procedure', 'query', 'compact', 'reset-after', 'overlay'];
/** Parameters that name a file the widget downloads: this page's server only (see below). */
const FILES = ['catalog', 'overlay'];
const DEFAULT_CATALOG = 'catalogs/commune-demo.json';

const params = new URLSearchParams(location.search);

/**
 * Where height messages go. Only a number is ever sent, so '*' (any parent) is acceptable when the
 * host gives no origin; with origin=…, a parent that has since navigated elsewhere gets nothing.
 * Nothing else is ever posted: any other message would need an exact origin.
 */
function targetOrigin(value) {
  if (!value) return '*';
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // not a URL: below
  }
  console.warn(`motcua: ignoring origin=${value} (expected e.g. https://xa-vinhbao.gov.vn)`);
  return '*';
}

/**
 * Anyone can link to this page with any parameters, so a catalog or overlay from another server
 * would let them show their own "procedures" and portal links under this site's address.
 */
function sameOrigin(value) {
  try {
    return new URL(value, document.baseURI).origin === location.origin;
  } catch {
    return false;
  }
}

function refuse(name) {
  document.body.append(portalNotice('Không mở được danh mục thủ tục từ máy chủ khác. Vui lòng tra cứu trên', 'frame-error'));
  console.warn(`motcua: ${name} must be on ${location.origin}; the widget was not started`);
}

function createWidget() {
  const el = document.createElement('mot-cua');
  for (const name of OPTIONS) {
    const value = params.get(name);
    if (value !== null) el.setAttribute(name, value);
  }
  if (!el.getAttribute('catalog')?.trim()) el.setAttribute('catalog', DEFAULT_CATALOG);
  const foreign = FILES.find((name) => el.hasAttribute(name) && !sameOrigin(el.getAttribute(name)));
  if (foreign) return refuse(foreign);
  document.body.append(el);
}

// ---- height ----

const target = targetOrigin(params.get('origin'));
const framed = window.parent !== window;
let sent = 0;

/** The content's height: html and body have no height of their own (frame.css). */
function contentHeight() {
  const html = document.documentElement.getBoundingClientRect().height;
  return Math.ceil(Math.max(html, document.body.scrollHeight));
}

function sendHeight(force = false) {
  if (!framed) return;
  const height = contentHeight();
  if (height === sent && !force) return;
  sent = height;
  window.parent.postMessage({ type: 'motcua:height', height }, target);
}

createWidget();
if (framed) {
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver(() => sendHeight());
    observer.observe(document.documentElement);
    observer.observe(document.body);
  }
  // Once more when the widget is ready and when everything has loaded, in case the host page's
  // listener was not there yet for the first messages.
  window.addEventListener('motcua:ready', () => sendHeight(true));
  window.addEventListener('load', () => sendHeight(true));
  sendHeight();
}
