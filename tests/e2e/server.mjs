// A tiny static file server for the end-to-end tests (no dependencies beyond Node).
//
//   const server = await startServer({ root: 'dist' });
//   server.url            // 'http://127.0.0.1:PORT/'
//   server.origin         // 'http://127.0.0.1:PORT'
//   server.requests       // [{ method, path, status }] every request served, in order
//   server.headers = {...} or (path, req) => ({...})   // change extra response headers at any time
//   await server.close();
//
// Options:
//   root     directory to serve (required)
//   host     address to bind (default 127.0.0.1); port (default 0 = a free port chosen by the OS)
//   headers  extra response headers, an object or a function (urlPath, req) => object|undefined,
//            e.g. a Content-Security-Policy for one test
//   routes   { '/path': handler } served instead of files; handler is
//            (req, res, url) => void  (write the response yourself) or an object
//            { status = 200, type, body, headers } (body: string or Buffer)
//
// Two servers on two ports are two origins (e.g. a page on one embedding the widget from the other).
// Run it by hand:  node tests/e2e/server.mjs [dir=dist] [port=8000]

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export async function startServer({ root, host = '127.0.0.1', port = 0, headers = {}, routes = {} } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootDir = path.resolve(root);
  const requests = [];

  const server = createServer(async (req, res) => {
    const record = { method: req.method, path: req.url, status: 0 };
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    try {
      await handle(req, res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `server error: ${err.message}\n`);
      else res.destroy(err);
    }
  });

  const api = {
    root: rootDir,
    requests,
    headers,
    routes,
    url: '',
    origin: '',
    port: 0,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };

  function extraHeaders(urlPath, req) {
    const h = typeof api.headers === 'function' ? api.headers(urlPath, req) : api.headers;
    return h ?? {};
  }

  function send(res, status, type, body, more = {}) {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      ...more,
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    let urlPath;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
    }
    const extra = extraHeaders(urlPath, req);

    const route = api.routes[urlPath];
    if (route) {
      if (typeof route === 'function') return route(req, res, url);
      const body = route.body ?? '';
      return send(res, route.status ?? 200, route.type ?? mimeType(urlPath), body, {
        ...extra,
        ...(route.headers ?? {}),
      });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
    }

    // Resolve inside root only (no ../ escapes, no NUL bytes).
    let file = path.join(rootDir, path.normalize(urlPath));
    if (urlPath.includes('\0') || (file !== rootDir && !file.startsWith(rootDir + path.sep))) {
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n', extra);
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Content-Length': 0, ...extra });
        return res.end();
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      return send(res, 404, 'text/plain; charset=utf-8', `not found: ${urlPath}\n`, extra);
    }
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', (err) => res.destroy(err)).pipe(res);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  api.port = server.address().port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  api.origin = `http://${hostInUrl}:${api.port}`;
  api.url = `${api.origin}/`;
  return api;
}

// node tests/e2e/server.mjs [dir] [port]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8000);
  const server = await startServer({ root, port });
  console.log(`serving ${server.root} at ${server.url}`);
}
