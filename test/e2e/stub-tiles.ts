/**
 * A local stub tile server for the online basemaps (tests never reach the internet): solid-colour
 * 256×256 PNG tiles under /stub-tiles/<basemap>/{z}/{x}/{y}.png, plus a config.json pointing the
 * app's online basemaps at them.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function solidPng(rgb: [number, number, number], size = 256): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const COLOURS: Record<string, [number, number, number]> = {
  amap: [246, 226, 198],
  osm: [220, 235, 220],
  tianditu: [225, 230, 245],
};
export const tileRequests: string[] = [];

export function stubRoutes(pathname: string): { type: string; body: string | Uint8Array } | null {
  if (pathname === '/config.json') {
    const basemaps = Object.fromEntries(
      Object.keys(COLOURS).map((id) => [
        id,
        { tiles: [`/stub-tiles/${id}/{z}/{x}/{y}.png`], key: id === 'tianditu' ? 'test-key' : undefined },
      ]),
    );
    return { type: 'application/json', body: JSON.stringify({ basemaps }) };
  }
  const m = /^\/stub-tiles\/(\w+)\/\d+\/\d+\/\d+\.png$/.exec(pathname);
  if (m && COLOURS[m[1]!]) {
    tileRequests.push(pathname);
    return { type: 'image/png', body: solidPng(COLOURS[m[1]!]!) };
  }
  return null;
}
