/**
 * The deployment's settings, read once from `/config.json` beside the app (written at deploy time
 * in AWS, answered by the local stack's portal server): the same build runs anywhere.
 */
import type { PortalConfig } from '../../infra/portal-headers.js';

export type { PortalConfig };

let loaded: PortalConfig | undefined;

export async function loadConfig(): Promise<PortalConfig> {
  if (loaded) return loaded;
  const res = await fetch('/config.json', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`The portal's configuration did not load (${res.status}).`);
  loaded = (await res.json()) as PortalConfig;
  return loaded;
}

export function config(): PortalConfig {
  if (!loaded) throw new Error('config() before loadConfig()');
  return loaded;
}
