// What the current form reads per request (current-clerk.md 3.2), read once into one object.
import { parsePublishableKeyOrThrow } from '../lib/publishable-key';
import { parseCookies } from '../request/cookies';
import { type RequestHeaders, readHeaders, readNamedHeaders, TOKEN_HEADERS } from '../request/headers';
import { buildOrigin } from '../request/origin';
import { cookieSuffixOf, knownCookieSuffix, usesSuffixedCookies } from './cookie-suffix';
import { absoluteProxyUrl, autoProxyUrl } from './frontend-api';
import { type PeekedJwt, peekJwt } from './peek-jwt';
import type { ResolvedOptions } from './resolve-options';

/** Cookie and query names of the handshake (current-clerk.md 3.1). */
export const Names = {
  Session: '__session',
  ClientUat: '__client_uat',
  DevBrowser: '__clerk_db_jwt',
  Refresh: '__refresh',
  Handshake: '__clerk_handshake',
  HandshakeNonce: '__clerk_handshake_nonce',
  RedirectCount: '__clerk_redirect_count',
  LegacyDevBrowser: '__dev_session',
  Synced: '__clerk_synced',
  RedirectUrl: '__clerk_redirect_url',
  HandshakeHelp: '__clerk_help',
} as const;

/** Everything the rules of the current form read. */
export interface HandshakeContext {
  options: ResolvedOptions;
  request: Request;
  /** The request URL as given. */
  href: string;
  /** `urlOf(context)`, once computed. */
  parsedUrl: URL | undefined;
  method: string;
  headers: Headers;
  /**
   * The headers read so far: the token headers, `Sec-Fetch-Dest` and `Referer` at first, every one once
   * `headersOf` has been asked (the signed-in path never asks).
   */
  read: RequestHeaders;
  /** Whether `read` holds every header the rules may read. */
  readInFull: boolean;
  /** The bearer token of the `Authorization` header. */
  tokenInHeader: string | undefined;
  instanceType: 'production' | 'development';
  /** Where the Frontend API is reached: the proxy, a production satellite's host, or the key's host. */
  frontendApi: string;
  /** The Frontend API host without the proxy: who issues this instance's tokens. */
  ownFrontendApi: string;
  /** The proxy in use, absolute (auto-proxy included), or `''`. */
  proxyUrl: string;
  suffixed: boolean;
  sessionTokenInCookie: string | undefined;
  refreshTokenInCookie: string | undefined;
  clientUat: number;
  devBrowserToken: string | undefined;
  handshakeToken: string | undefined;
  handshakeNonce: string | undefined;
  redirectCount: number;
  secFetchDest: string | undefined;
  /** `peekJwt`, remembering this request's results so that no session token is decoded twice. */
  decode: (token: string) => PeekedJwt;
}

function createDecoder(): (token: string) => PeekedJwt {
  // The rules decode at most the two session cookies, mostly one token twice: one slot is enough.
  let lastToken: string | undefined;
  let last: { jwt?: PeekedJwt; error?: unknown } = {};
  return token => {
    if (token !== lastToken) {
      lastToken = token;
      try {
        last = { jwt: peekJwt(token) };
      } catch (error) {
        last = { error };
      }
    }
    if (last.error !== undefined) throw last.error;
    return last.jwt as PeekedJwt;
  };
}

/**
 * The bearer token: one piece is the whole value; otherwise the scheme must be `Bearer`, in any letter case
 * (RFC 6750; the reference's exact match is fragile), and any other scheme means no token.
 */
export function bearerTokenOf(authorization: string | null): string | undefined {
  if (!authorization) return undefined;
  const space = authorization.indexOf(' ');
  if (space < 0) return authorization;
  const token = authorization.slice(space + 1).split(' ')[0];
  if (!token) return authorization.slice(0, space);
  return authorization.slice(0, space).toLowerCase() === 'bearer' ? token : undefined;
}

/** The request URL on the origin the client used (first `x-forwarded-proto`/`x-forwarded-host` value, else `host`). */
export function clerkUrlOf(request: Request, href = request.url): URL {
  const url = new URL(href);
  const origin = buildOrigin({
    protocol: url.protocol,
    forwardedProto: request.headers.get('x-forwarded-proto'),
    forwardedHost: request.headers.get('x-forwarded-host'),
    host: request.headers.get('host'),
  });
  if (!origin || origin === url.origin) return url;
  try {
    return new URL(url.pathname + url.search, origin);
  } catch {
    return url;
  }
}

/** The request URL re-based on the forwarded origin, parsed on first use (the signed-in path rarely needs it). */
export function urlOf(context: HandshakeContext): URL {
  context.parsedUrl ??= clerkUrlOf(context.request, context.href);
  return context.parsedUrl;
}

/** A query parameter (`null` when absent), without parsing a URL that has no query. */
export const queryOf = (context: HandshakeContext, name: string): string | null =>
  context.href.includes('?') ? urlOf(context).searchParams.get(name) : null;

// What every request reads at once (the referrer for rule 15, which every signed-in document request runs): a
// pass over all of a new request's headers costs more than these four.
const FIRST_HEADERS = [...TOKEN_HEADERS, 'sec-fetch-dest', 'referer'];

/** Every header the rules read: the first call reads them all, in one pass. */
export function headersOf(context: HandshakeContext): RequestHeaders {
  if (!context.readInFull) {
    context.read = readHeaders(context.headers);
    context.readInFull = true;
  }
  return context.read;
}

/** Only the header is read (`acceptsToken` exactly `m2m_token` or `api_key`): no publishable key needed. */
export function readHeaderContext(request: Request, options: ResolvedOptions): HandshakeContext {
  const headers = request.headers;
  const read = readNamedHeaders(headers, FIRST_HEADERS);
  return {
    options,
    request,
    href: request.url,
    parsedUrl: undefined,
    method: request.method,
    headers,
    read,
    readInFull: false,
    tokenInHeader: bearerTokenOf(read.authorization ?? null),
    instanceType: 'development',
    frontendApi: '',
    ownFrontendApi: '',
    proxyUrl: options.proxyUrl,
    suffixed: false,
    sessionTokenInCookie: undefined,
    refreshTokenInCookie: undefined,
    clientUat: 0,
    devBrowserToken: undefined,
    handshakeToken: undefined,
    handshakeNonce: undefined,
    redirectCount: 0,
    secFetchDest: read.secFetchDest,
    decode: createDecoder(),
  };
}

/** The whole context: keys, Frontend API, the chosen cookie set, the handshake values. Throws for a bad key. */
export function readContext(
  request: Request,
  options: ResolvedOptions,
): HandshakeContext | Promise<HandshakeContext> {
  const suffix = knownCookieSuffix(options.publishableKey);
  if (suffix !== undefined) return readContextWithSuffix(request, options, suffix);
  return cookieSuffixOf(options.publishableKey).then(computed =>
    readContextWithSuffix(request, options, computed),
  );
}

// Where each cookie the rules read is in the list `cookieNamesOf` gives.
const SESSION = 0;
const SUFFIXED_SESSION = 1;
const CLIENT_UAT = 2;
const SUFFIXED_CLIENT_UAT = 3;
const DEV_BROWSER = 4;
const SUFFIXED_DEV_BROWSER = 5;
const SUFFIXED_REFRESH = 6;
const HANDSHAKE = 7;
const HANDSHAKE_NONCE = 8;
const REDIRECT_COUNT = 9;

// Built once per suffix rather than concatenated on every request (bounded, in case keys are per tenant).
const cookieNames = new Map<string, readonly string[]>();

/** The names of the cookies the rules read, unsuffixed and with the instance's suffix, at the indexes above. */
function cookieNamesOf(suffix: string): readonly string[] {
  let names = cookieNames.get(suffix);
  if (!names) {
    names = [
      Names.Session,
      `${Names.Session}_${suffix}`,
      Names.ClientUat,
      `${Names.ClientUat}_${suffix}`,
      Names.DevBrowser,
      `${Names.DevBrowser}_${suffix}`,
      `${Names.Refresh}_${suffix}`,
      Names.Handshake,
      Names.HandshakeNonce,
      Names.RedirectCount,
    ];
    if (cookieNames.size >= 1000) cookieNames.clear();
    cookieNames.set(suffix, names);
  }
  return names;
}

function readContextWithSuffix(request: Request, options: ResolvedOptions, suffix: string): HandshakeContext {
  const context = readHeaderContext(request, options);
  const { publishableKey, domain, isSatellite } = options;
  const originOf = () => urlOf(context).origin;
  const proxyUrl = absoluteProxyUrl(
    options.proxyUrl ||
      autoProxyUrl(originOf, { publishableKey, proxyUrl: options.proxyUrl, domain, env: options.env }),
    originOf,
  );
  const own = parsePublishableKeyOrThrow(publishableKey, { domain, isSatellite });
  // Only the cookies the rules read, in one pass.
  const cookies = parseCookies(context.read.cookie, cookieNamesOf(suffix));
  const session = cookies[SESSION];
  const suffixedSession = cookies[SUFFIXED_SESSION];
  const clientUat = cookies[CLIENT_UAT];
  const suffixedClientUat = cookies[SUFFIXED_CLIENT_UAT];
  const suffixed = usesSuffixedCookies({
    session,
    suffixedSession,
    clientUat,
    suffixedClientUat,
    ownFrontendApi: own.frontendApi,
    isProduction: own.instanceType === 'production',
    decode: context.decode,
  });
  context.instanceType = own.instanceType;
  context.ownFrontendApi = own.frontendApi;
  context.frontendApi = proxyUrl || own.frontendApi;
  context.proxyUrl = proxyUrl;
  context.suffixed = suffixed;
  context.sessionTokenInCookie = (suffixed ? suffixedSession : session) || undefined;
  context.refreshTokenInCookie = cookies[SUFFIXED_REFRESH] || undefined;
  context.clientUat = Number.parseInt((suffixed ? suffixedClientUat : clientUat) || '', 10) || 0;
  context.devBrowserToken =
    queryOf(context, Names.DevBrowser) || cookies[suffixed ? SUFFIXED_DEV_BROWSER : DEV_BROWSER] || undefined;
  context.handshakeToken = queryOf(context, Names.Handshake) || cookies[HANDSHAKE] || undefined;
  context.handshakeNonce = queryOf(context, Names.HandshakeNonce) || cookies[HANDSHAKE_NONCE] || undefined;
  context.redirectCount = Number(cookies[REDIRECT_COUNT]) || 0;
  return context;
}

/** `sessionToken` of the reference: the cookie token, else the header token. */
export const sessionTokenOf = (context: HandshakeContext): string | undefined =>
  context.sessionTokenInCookie || context.tokenInHeader;
