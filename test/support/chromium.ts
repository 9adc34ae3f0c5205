/**
 * The browser the portal's tests drive: Debian's Chromium (Playwright cannot download its own
 * here). `npm test` installs it where it is missing — as root with apt-get, the way CI runs —
 * and otherwise says what to run. CHROMIUM_PATH points at another build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const found = (): string | undefined => [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));

export function ensureChromium(log: (line: string) => void = console.log): string {
  const present = found();
  if (present) return present;
  if (process.getuid?.() !== 0) {
    throw new Error('The browser tests need Chromium: run `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.');
  }
  log('Chromium is missing: installing Debian\'s package (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const installed = found();
  if (!installed) throw new Error('apt-get installed chromium, but no binary is at /usr/bin/chromium');
  return installed;
}
