/**
 * Looks at a PDF the way a reader would, with poppler-utils (installed by scripts/test-deps.ts):
 * its pages rendered to pixels, and the text it holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfPage {
  width: number;
  height: number;
  /** RGB, row by row. */
  rgb: Buffer;
}

export interface PdfLook {
  pages: number;
  text: string;
  first: PdfPage;
}

/** Reads a binary PPM (P6), what pdftoppm writes by default. */
function readPpm(buf: Buffer): PdfPage {
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('pdftoppm did not write a P6 image');
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, rgb: buf.subarray(m[0].length, m[0].length + width * height * 3) };
}

/** Renders page 1 at `dpi` (and, when `png` is given, also as a PNG there to look at). */
export function lookAtPdf(pdf: Buffer, opts: { dpi?: number; png?: string } = {}): PdfLook {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const dpi = String(opts.dpi ?? 40);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  execFileSync('pdftoppm', ['-r', dpi, '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'p1')]);
  if (opts.png)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      opts.png.replace(/\.png$/, ''),
    ]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { pages, text, first: readPpm(readFileSync(join(dir, 'p1.ppm'))) };
}

/** In the box (fractions of the page), the share of pixels that are not near-white, and how many distinct colours (quantised) there are. */
export function inkIn(p: PdfPage, box: [number, number, number, number]): { ink: number; colours: number } {
  const [fx0, fy0, fx1, fy1] = box;
  const x0 = Math.floor(fx0 * p.width);
  const x1 = Math.floor(fx1 * p.width);
  const y0 = Math.floor(fy0 * p.height);
  const y1 = Math.floor(fy1 * p.height);
  let ink = 0;
  let n = 0;
  const colours = new Set<number>();
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * p.width + x) * 3;
      const r = p.rgb[i]!;
      const g = p.rgb[i + 1]!;
      const b = p.rgb[i + 2]!;
      n++;
      if (r < 235 || g < 235 || b < 235) ink++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  return { ink: n ? ink / n : 0, colours: colours.size };
}
