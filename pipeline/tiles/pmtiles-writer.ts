/**
 * A minimal PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * the 127-byte header, a gzip'd root directory (and leaf directories when the root would not fit in
 * the first 16 KiB, so a reader gets header and root in one request), gzip'd JSON metadata, then the
 * tile data ordered by tile id (clustered). Identical tiles are stored once: consecutive ones as one
 * entry with a run length, others pointing at the same bytes. Deterministic: same tiles, same bytes.
 */
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes as stored (already compressed with `tileCompression`). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
  /** 1 none, 2 gzip (spec: Compression). */
  tileCompression: 1 | 2;
}

const HEADER_BYTES = 127;
/** A reader fetches this much first: the header and the root directory must fit in it. */
const FIRST_FETCH = 16_384;
const GZIP = 2;
const MVT = 1;

/**
 * The tile id of z/x/y: the tiles of all lower zooms counted before it, then its position along the
 * Hilbert curve over the 2^z × 2^z grid (spec: "Tile IDs").
 */
export function tileId(z: number, x: number, y: number): number {
  let id = 0;
  for (let i = 0; i < z; i++) id += 4 ** i;
  const n = 2 ** z;
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so that the curve inside it runs the standard way.
    if (ry === 0) {
      if (rx === 1) {
        x = n - 1 - x;
        y = n - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return id + d;
}

/** Unsigned LEB128, for values up to 2^53 (arithmetic, not 32-bit shifts). */
function varint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** A directory (spec: "Directories"): count, then each column of the entries, delta- or varint-coded. */
function directory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous entry's bytes"; otherwise offset + 1.
    if (prev && e.offset === prev.offset + prev.length) varint(out, 0);
    else varint(out, e.offset + 1);
  });
  return gzipSync(Uint8Array.from(out), { level: 9 });
}

/** Root and leaf directories: leaves of `size` entries until the root fits in the first fetch. */
function directories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const whole = directory(entries);
  if (HEADER_BYTES + whole.length <= FIRST_FETCH) return { root: whole, leaves: new Uint8Array() };
  for (let size = 4096; ; size *= 2) {
    const leafParts: Uint8Array[] = [];
    const rootEntries: Entry[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += size) {
      const leaf = directory(entries.slice(i, i + size));
      // A run length of 0 marks an entry that points at a leaf directory.
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = directory(rootEntries);
    if (HEADER_BYTES + root.length <= FIRST_FETCH) return { root, leaves: concat(leafParts) };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function writeArchive(tiles: ArchiveTile[], opts: ArchiveOptions): Uint8Array {
  const sorted = tiles.map((t) => ({ ...t, id: tileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  const data: Uint8Array[] = [];
  let dataLength = 0;
  for (const t of sorted) {
    const hash = createHash('sha256').update(t.data).digest('hex');
    const last = entries.at(-1);
    const same = stored.get(hash);
    if (last && same && last.offset === same.offset && last.tileId + last.runLength === t.id) {
      last.runLength++;
      continue;
    }
    if (same) {
      entries.push({ tileId: t.id, offset: same.offset, length: same.length, runLength: 1 });
      continue;
    }
    stored.set(hash, { offset: dataLength, length: t.data.length });
    entries.push({ tileId: t.id, offset: dataLength, length: t.data.length, runLength: 1 });
    data.push(t.data);
    dataLength += t.data.length;
  }
  const { root, leaves } = directories(entries);
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(opts.metadata)), { level: 9 });

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  let at = HEADER_BYTES;
  const section = (pos: number, length: number) => {
    header.writeBigUInt64LE(BigInt(at), pos);
    header.writeBigUInt64LE(BigInt(length), pos + 8);
    at += length;
  };
  section(8, root.length);
  section(24, metadata.length);
  section(40, leaves.length);
  section(56, dataLength);
  header.writeBigUInt64LE(BigInt(sorted.length), 72);
  header.writeBigUInt64LE(BigInt(entries.length), 80);
  header.writeBigUInt64LE(BigInt(data.length), 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(GZIP, 97); // internal compression
  header.writeUInt8(opts.tileCompression, 98);
  header.writeUInt8(MVT, 99);
  header.writeUInt8(opts.minzoom, 100);
  header.writeUInt8(opts.maxzoom, 101);
  const e7 = (v: number) => Math.round(v * 1e7);
  header.writeInt32LE(e7(opts.bounds[0]), 102);
  header.writeInt32LE(e7(opts.bounds[1]), 106);
  header.writeInt32LE(e7(opts.bounds[2]), 110);
  header.writeInt32LE(e7(opts.bounds[3]), 114);
  header.writeUInt8(opts.center[2], 118);
  header.writeInt32LE(e7(opts.center[0]), 119);
  header.writeInt32LE(e7(opts.center[1]), 123);
  return concat([header, root, metadata, leaves, ...data]);
}
