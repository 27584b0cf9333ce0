/**
 * What the end-to-end tests need from the machine: Debian's Chromium, the Noto CJK fonts (for
 * Chinese in screenshots) and poppler-utils (pdftoppm, to look at the printed page). On a fresh Debian machine, as root, they are installed with apt-get;
 * otherwise the test command stops at once with one line saying what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PDFTOPPM = '/usr/bin/pdftoppm';

const NOTO_DIR = '/usr/share/fonts/opentype/noto';

function hasCjkFonts(): boolean {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (r.status === 0 && /Noto Sans CJK/i.test(r.stdout)) return true;
  return existsSync(NOTO_DIR) && readdirSync(NOTO_DIR).some((f) => f.startsWith('NotoSansCJK'));
}

/** The Debian packages still missing, by what is on the machine now. */
export function missingPackages(): string[] {
  const need: string[] = [];
  if (!existsSync(CHROMIUM)) need.push('chromium');
  if (!hasCjkFonts()) need.push('fonts-noto-cjk');
  // The print test renders Chromium's PDF to PNG to see what the page holds.
  if (!existsSync(PDFTOPPM)) need.push('poppler-utils');
  return need;
}

const canApt = () => process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;

/** Installs what is missing when it can; returns the one-line reason when it cannot. */
export function ensureTestDeps(log: (m: string) => void = console.log): string | null {
  const need = missingPackages();
  if (need.length === 0) return null;
  if (!canApt())
    return `npm test needs Debian packages ${need.join(' ')}: install them (sudo apt-get install ${need.join(' ')}) or set CHROMIUM_PATH`;
  log(`test: installing ${need.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...need], { stdio: 'inherit', env });
  } catch {
    return `npm test: apt-get install ${need.join(' ')} failed; install them by hand`;
  }
  const still = missingPackages();
  return still.length ? `npm test: ${still.join(' ')} still missing after apt-get install` : null;
}
