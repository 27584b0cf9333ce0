/**
 * A small static file server for the built app (dist/). Used by `npm start`, `npm run preview`
 * and the e2e tests. Binds to 127.0.0.1 only; sends correct MIME types (MapLibre's worker is .mjs,
 * which must be served as JavaScript) and, optionally, the app's Content-Security-Policy header.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pbf': 'application/x-protobuf',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServerOptions {
  root: string;
  port?: number;
  host?: string;
  /** Extra headers sent with every response (e.g. Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Paths answered by code instead of files (tests: a stub tile server, a test config). */
  routes?: (pathname: string) => { type: string; body: string | Uint8Array } | null;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(opts: StaticServerOptions): Promise<RunningServer> {
  const root = resolve(opts.root);
  const host = opts.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const routed = opts.routes?.(pathname);
      if (routed) {
        res.writeHead(200, { 'content-type': routed.type, 'cache-control': 'no-cache', ...opts.headers });
        res.end(routed.body);
        return;
      }
      let file = normalize(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        ...opts.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
