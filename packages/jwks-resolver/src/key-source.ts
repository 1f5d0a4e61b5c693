import { deprecated, type KeyInput } from '@clerk/jwt-core';
import { API_URL, API_VERSION } from './constants';
import { keySourceError } from './errors';
import { joinUrl } from './lib/join-url';
import type { KeySourceOptions } from './options';
import { environmentOf, readVariable } from './read-environment';

/** Where the key for a token comes from, in the one order used on every runtime. */
export type KeySource =
  | {
      /** A public key given locally: no request is made. */
      kind: 'local';
      /** The `jwtKey` option, or the `CLERK_JWT_KEY` environment variable. */
      from: 'option' | 'env';
      /** The public key (PEM or JWK). */
      key: KeyInput;
    }
  | {
      /** The JWKS of the Backend API, fetched with the secret key. */
      kind: 'backend-api';
      /** The Backend API's `/jwks` URL. */
      jwksUrl: string;
      /** The secret key sent as `Authorization: Bearer <secretKey>`. */
      secretKey: string;
      /** Sent as `Clerk-API-Version` when set. */
      clerkApiVersion?: string;
    }
  | {
      /** The JWKS through the proxy (`proxyUrl`). */
      kind: 'proxy';
      /** The proxy's `.well-known/jwks.json` URL. */
      jwksUrl: string;
    }
  | {
      /** The JWKS of the token's issuer (a string `issuer` option). */
      kind: 'issuer';
      /** The issuer's `.well-known/jwks.json` URL. */
      jwksUrl: string;
    };

const WELL_KNOWN_JWKS = '.well-known/jwks.json';

/** `jwk-failed-to-resolve`: no usable key source is configured. */
const unresolved = (detail = '') =>
  keySourceError(
    'jwk-failed-to-resolve',
    `Failed to resolve JWK during verification.${detail}`,
    'Set the CLERK_JWT_KEY environment variable.',
  );

function urlOrFail(url: string | null, configured: string): string {
  if (url) return url;
  throw unresolved(` ${JSON.stringify(configured)} is not an absolute URL.`);
}

/**
 * Picks the key source: the `jwtKey` option, then `CLERK_JWT_KEY`, then a JWKS through the proxy
 * (`proxyUrl`), from the Backend API (secret key), or from a string `issuer`. The environment (the `env` option, else
 * `process.env`) also fills `secretKey`, `apiUrl` and `apiVersion` when they are not given. Throws
 * `jwk-failed-to-resolve` when there is no source.
 */
export function resolveKeySource(options: KeySourceOptions): KeySource {
  if (options.jwtKey) return { kind: 'local', from: 'option', key: options.jwtKey };
  const env = environmentOf(options.env);
  const envKey = readVariable(env, 'CLERK_JWT_KEY');
  if (envKey) return { kind: 'local', from: 'env', key: envKey };

  if (options.apiKey) {
    deprecated('apiKey', 'Use `secretKey` instead.');
  }
  // Behind a proxy the Frontend API answers through it, and the secret key is not sent (0.x, 7.7).
  if (options.proxyUrl) {
    return {
      kind: 'proxy',
      jwksUrl: urlOrFail(joinUrl(options.proxyUrl, WELL_KNOWN_JWKS), options.proxyUrl),
    };
  }
  const secretKey =
    options.secretKey ||
    options.apiKey ||
    readVariable(env, 'CLERK_SECRET_KEY') ||
    readVariable(env, 'CLERK_API_KEY');
  if (secretKey) {
    const apiUrl = options.apiUrl || readVariable(env, 'CLERK_API_URL') || API_URL;
    const apiVersion = options.apiVersion || readVariable(env, 'CLERK_API_VERSION') || API_VERSION;
    return {
      kind: 'backend-api',
      jwksUrl: urlOrFail(joinUrl(apiUrl, apiVersion, '/jwks'), apiUrl),
      secretKey,
      clerkApiVersion: options.clerkApiVersion,
    };
  }
  if (typeof options.issuer === 'string' && options.issuer) {
    return { kind: 'issuer', jwksUrl: urlOrFail(joinUrl(options.issuer, WELL_KNOWN_JWKS), options.issuer) };
  }
  throw unresolved();
}
