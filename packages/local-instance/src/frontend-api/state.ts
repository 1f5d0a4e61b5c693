import { createHash } from 'node:crypto';
import type { InstanceType } from '../keys/instance-keys';
import { SigningKeyring } from '../keys/signing-keyring';
import { randomBase62 } from '../lib/ids';

/** Ways the Frontend API can misbehave on purpose, to test how an SDK ends a broken handshake. */
export interface FrontendApiFaultSettings {
  /** Sign handshake tokens and the session tokens in cookie directives with a key the JWKS does not publish. */
  wrongSigningKey?: boolean;
  /** Handshakes (token or nonce payload) and refreshes carry no cookie directives. */
  noCookies?: boolean;
  /** `/v1/client/handshake` sends the browser straight back to `redirect_url`, with no nonce or token. */
  loop?: boolean;
}

/** The Frontend API's fault switches; all off by default. */
export class FrontendApiFaults {
  #settings: Required<FrontendApiFaultSettings> = { wrongSigningKey: false, noCookies: false, loop: false };

  /** Turns the given switches on or off; the others keep their value. */
  set(settings: FrontendApiFaultSettings): void {
    for (const [name, value] of Object.entries(settings)) {
      if (!(name in this.#settings)) throw new TypeError(`Unknown Frontend API fault: ${name}`);
      if (value !== undefined && typeof value !== 'boolean')
        throw new TypeError(`Frontend API fault ${name} must be a boolean`);
    }
    this.#settings = {
      wrongSigningKey: settings.wrongSigningKey ?? this.#settings.wrongSigningKey,
      noCookies: settings.noCookies ?? this.#settings.noCookies,
      loop: settings.loop ?? this.#settings.loop,
    };
  }

  /** Turns every switch off. */
  clear(): void {
    this.set({ wrongSigningKey: false, noCookies: false, loop: false });
  }

  /** The switches as they are now. */
  get current(): Readonly<Required<FrontendApiFaultSettings>> {
    return { ...this.#settings };
  }
}

/**
 * The cookie suffix of a publishable key: the first 8 characters of URL-safe base64 of SHA-1 of the key,
 * as `@clerk/backend` 3.x derives it (`__session_<suffix>`).
 */
export const cookieSuffixOf = (publishableKey: string): string =>
  createHash('sha1').update(publishableKey).digest('base64url').slice(0, 8);

const nonceLifetimeMs = 60_000;

/** What the Frontend API remembers between a browser's requests, beside the Backend API's tables. */
export class FrontendApiState {
  /** Dev-browser token (`__clerk_db_jwt`) → client id. */
  readonly devBrowsers = new Map<string, string>();
  /** Value of the Frontend API's own `__client` cookie → client id. */
  readonly browserClients = new Map<string, string>();
  /** Refresh token (`__refresh_<suffix>`) → session id. */
  readonly refreshTokens = new Map<string, string>();
  readonly #nonces = new Map<string, { directives: string[]; expiresAt: number }>();
  readonly faults = new FrontendApiFaults();
  readonly cookieSuffix: string;
  #foreignKeys: SigningKeyring | undefined;

  constructor(
    readonly instanceType: InstanceType,
    publishableKey: string,
  ) {
    this.cookieSuffix = cookieSuffixOf(publishableKey);
  }

  /** A key pair the instance never publishes, for the `wrongSigningKey` fault (made on first use). */
  get foreignKeys(): SigningKeyring {
    this.#foreignKeys ??= new SigningKeyring(2048);
    return this.#foreignKeys;
  }

  /** Stores directives behind a fresh nonce that `GET /v1/clients/handshake_payload` redeems. */
  issueNonce(directives: string[]): string {
    const now = Date.now();
    for (const [nonce, entry] of this.#nonces) if (entry.expiresAt <= now) this.#nonces.delete(nonce);
    const nonce = randomBase62(32);
    this.#nonces.set(nonce, { directives, expiresAt: now + nonceLifetimeMs });
    return nonce;
  }

  /** The directives of a nonce issued in the last 60 seconds, else null. A nonce can be redeemed again. */
  redeemNonce(nonce: string): string[] | null {
    const entry = this.#nonces.get(nonce);
    return entry && entry.expiresAt > Date.now() ? entry.directives : null;
  }

  /** The dev browser of a client: `preferred` if it already belongs to it, else its first, else a new one. */
  devBrowserFor(clientId: string, preferred: string | null): string {
    if (preferred && this.devBrowsers.get(preferred) === clientId) return preferred;
    for (const [token, owner] of this.devBrowsers) if (owner === clientId) return token;
    const token = `dvb_${randomBase62(27)}`;
    this.devBrowsers.set(token, clientId);
    return token;
  }

  /** The `__client` cookie value of a client, made on first use. */
  clientCookieFor(clientId: string): string {
    for (const [value, owner] of this.browserClients) if (owner === clientId) return value;
    const value = randomBase62(40);
    this.browserClients.set(value, clientId);
    return value;
  }

  /** The refresh token of a session, made on first use. */
  refreshTokenFor(sessionId: string): string {
    for (const [token, owner] of this.refreshTokens) if (owner === sessionId) return token;
    const token = randomBase62(40);
    this.refreshTokens.set(token, sessionId);
    return token;
  }

  /** Forgets browsers, dev browsers, nonces and refresh tokens and clears the faults. */
  reset(): void {
    this.browserClients.clear();
    this.devBrowsers.clear();
    this.refreshTokens.clear();
    this.#nonces.clear();
    this.faults.clear();
  }
}
