import { MISSING_SECRET_KEY_MESSAGE } from '../constants';
import { isDevelopmentSecretKey } from '../lib/instance-type';
import type { NormalizedOptions } from './options';

/** What the satellite checks read: the same fields in the 0.x and the current call form. */
export interface SatelliteOptions {
  secretKey: string;
  signInUrl?: string;
  proxyUrl?: string;
  domain?: string;
}

/** The satellite configuration checks of both call forms, in this order; `origin` is the request's, if known. */
export function assertSatelliteOptions(options: SatelliteOptions, origin: string | undefined): void {
  if (!options.signInUrl && isDevelopmentSecretKey(options.secretKey)) {
    throw new Error('Missing signInUrl. Pass a signInUrl for dev instances if an app is satellite');
  }
  if (options.signInUrl && origin) {
    let signInOrigin: string;
    try {
      signInOrigin = new URL(options.signInUrl).origin;
    } catch {
      throw new Error('The signInUrl needs to have a absolute url format.');
    }
    if (signInOrigin === origin) {
      throw new Error('The signInUrl needs to be on a different origin than your satellite application.');
    }
  }
  if (!(options.proxyUrl || options.domain)) {
    throw new Error(
      'Missing domain and proxyUrl. A satellite application needs to specify a domain or a proxyUrl',
    );
  }
}

/** Configuration errors reject the call before any rule runs; they are the caller's bug, not the request's. */
export function validateOptions(options: NormalizedOptions): void {
  if (!options.secretKey || typeof options.secretKey !== 'string')
    throw new Error(MISSING_SECRET_KEY_MESSAGE);
  if (options.isSatellite) assertSatelliteOptions(options, options.origin);
}
