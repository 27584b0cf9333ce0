/**
 * The static server for the built app (dist/): sirv (ETag, Range, MIME types) behind compression
 * (gzip/brotli as the browser accepts). Used by `npm start`, `npm run preview`, the e2e tests and
 * the benchmarks. Binds to 127.0.0.1 only; GET and HEAD only; adds the app's Content-Security-
 * Policy header when given. MapLibre's worker is .mjs, which must be served as JavaScript.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import compression from 'compression';
import sirv from 'sirv';

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

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  // Read by range requests; already compressed inside (not compressed again on the way).
  '.pmtiles': 'application/vnd.pmtiles',
};

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra }).end(text);
}

export async function startStaticServer(opts: StaticServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const files = sirv(opts.root, {
    // The file list is read once, at start (dotfiles left out): a build is served as it was built.
    etag: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      const ext = /\.[a-z0-9]+$/i.exec(pathname)?.[0] ?? '';
      if (TYPES[ext]) res.setHeader('content-type', TYPES[ext]);
      res.setHeader('x-content-type-options', 'nosniff');
      // Revalidated on each load (a 304 when unchanged), so a redeploy is seen at once.
      res.setHeader('cache-control', 'no-cache');
    },
  });
  const compress = compression();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return plain(res, 400, 'bad request: malformed escape in the path');
    }
    const routed = opts.routes?.(pathname);
    if (routed) {
      res.writeHead(200, { 'content-type': routed.type, 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : routed.body);
      return;
    }
    compress(req as never, res as never, () => files(req, res, () => plain(res, 404, 'not found')));
  };
  const server = createServer(handle);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
