// The Frontend API URL of the current form (current-clerk.md 3.3).
import type { EnvironmentVariables } from '@clerk/jwks-resolver';

const AUTO_PROXY_PATH = '/__clerk';

function variable(env: EnvironmentVariables | undefined, name: string): string {
  const value = env?.[name];
  return typeof value === 'string' ? value : '';
}

const isTruthyFlag = (value: string) => value !== '' && value !== 'false' && value !== '0';

/**
 * Auto-proxy: a production key deployed as a Vercel production build on a `*.vercel.app` host, without a
 * `proxyUrl` or `domain`, reaches its Frontend API through `<origin>/__clerk` (unless `CLERK_DISABLE_AUTO_PROXY`).
 */
export function autoProxyUrl(
  originOf: () => string,
  {
    publishableKey,
    proxyUrl,
    domain,
    env,
  }: { publishableKey: string; proxyUrl: string; domain: string; env?: EnvironmentVariables },
): string {
  if (proxyUrl || domain || !publishableKey.startsWith('pk_live_')) return '';
  const source = env ?? (globalThis as { process?: { env?: EnvironmentVariables } }).process?.env;
  if (variable(source, 'VERCEL_TARGET_ENV') !== 'production') return '';
  if (!variable(source, 'VERCEL_PROJECT_PRODUCTION_URL').endsWith('.vercel.app')) return '';
  if (isTruthyFlag(variable(source, 'CLERK_DISABLE_AUTO_PROXY'))) return '';
  return `${originOf()}${AUTO_PROXY_PATH}`;
}

/** A proxy given as a path lives on this application's origin. */
export const absoluteProxyUrl = (proxyUrl: string, originOf: () => string): string =>
  proxyUrl.startsWith('/') ? `${originOf()}${proxyUrl}` : proxyUrl;

/** `https://<frontendApi>/v1/client/handshake` (a proxy URL keeps its scheme and path). */
export function handshakeEndpoint(frontendApi: string): URL {
  const base = frontendApi.startsWith('http') ? frontendApi : `https://${frontendApi}`;
  return new URL('v1/client/handshake', `${base.replace(/\/+$/, '')}/`);
}
