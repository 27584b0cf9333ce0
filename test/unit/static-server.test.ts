import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer, type RunningServer } from '../../scripts/static-server.ts';

let server: RunningServer;
const root = mkdtempSync(join(tmpdir(), 'pa-serve-'));

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so that paths are sent exactly as written (fetch would normalise them). */
function get(path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const u = new URL(server.url);
  return new Promise((ok, fail) => {
    const req = request(
      { host: u.hostname, port: u.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>' + 'x'.repeat(5000));
  writeFileSync(join(root, 'assets', 'worker.mjs'), 'export {};');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  server = await startStaticServer({
    root,
    headers: { 'content-security-policy': "default-src 'self'" },
    routes: (p) => (p === '/config.json' ? { type: 'application/json', body: '{}' } : null),
  });
});
afterAll(() => server.close());

describe('the static server (sirv + compression)', () => {
  test('serves index.html for / with the CSP header, an ETag, and 304 when unchanged', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe("default-src 'self'");
    expect(r.headers['content-type']).toMatch(/text\/html/);
    const etag = r.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await get('/', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  test('compresses when the browser accepts it', async () => {
    const r = await get('/index.html', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers['content-encoding']).toBe('gzip');
  });

  test("MapLibre's .mjs worker is JavaScript", async () => {
    const r = await get('/assets/worker.mjs');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  test('malformed escapes are a 400 without the exception text; other methods a 405', async () => {
    for (const p of ['/%', '/%%%', '/plan/%E4%B8']) {
      const r = await get(p);
      expect(r.status, p).toBe(400);
      expect(r.body).not.toMatch(/URIError|at /);
    }
    const post = await get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await get('/', { method: 'DELETE' })).status).toBe(405);
  });

  test('nothing outside the root, and no dotfiles', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json', '/.env'])
      expect((await get(p)).status, p).toBe(404);
    expect((await get('/nope.js')).status).toBe(404);
  });

  test('routes answer before files, HEAD without a body', async () => {
    expect((await get('/config.json')).body).toBe('{}');
    const head = await get('/config.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});
