import { MISSING_SECRET_KEY_MESSAGE } from '../constants';
import { isDevelopmentSecretKey } from '../lib/instance-type';
import type { NormalizedOptions } from './options';

function assertSignInUrlOnOtherOrigin(signInUrl: string, origin: string): void {
  let signInOrigin: string;
  try {
    signInOrigin = new URL(signInUrl).origin;
  } catch {
    throw new Error('The signInUrl needs to have a absolute url format.');
  }
  if (signInOrigin === origin) {
    throw new Error('The signInUrl needs to be on a different origin than your satellite application.');
  }
}

/** Configuration errors reject the call before any rule runs; they are the caller's bug, not the request's. */
export function validateOptions(options: NormalizedOptions): void {
  if (!options.secretKey || typeof options.secretKey !== 'string')
    throw new Error(MISSING_SECRET_KEY_MESSAGE);
  if (!options.isSatellite) return;
  if (!options.signInUrl && isDevelopmentSecretKey(options.secretKey)) {
    throw new Error('Missing signInUrl. Pass a signInUrl for dev instances if an app is satellite');
  }
  if (options.signInUrl && options.origin) assertSignInUrlOnOtherOrigin(options.signInUrl, options.origin);
  if (!(options.proxyUrl || options.domain)) {
    throw new Error(
      'Missing domain and proxyUrl. A satellite application needs to specify a domain or a proxyUrl',
    );
  }
}
