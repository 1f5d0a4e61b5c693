import { constants, DEFAULT_API_URL, DEFAULT_API_VERSION } from '../constants';
import { deprecated } from '../lib/deprecated';
import { withEnvironmentDefaults } from '../lib/environment-defaults';
import { frontendApiOf } from '../lib/publishable-key';
import { parseCookieHeader } from '../request/cookies';
import type { AuthenticateRequestOptions, NormalizedOptions } from './options';

const { Headers: H, Cookies } = constants;

const header = (request: Request, name: string) => request.headers.get(name) || undefined;

// Only the first literal `Bearer ` goes, case-sensitively, as in 0.x.
const stripBearer = (value: string | undefined) => value?.replace('Bearer ', '');

function overlayRequestHeaders(
  options: AuthenticateRequestOptions,
  request: Request,
): AuthenticateRequestOptions {
  return {
    ...options,
    headerToken: stripBearer(options.headerToken || header(request, H.Authorization)),
    origin: options.origin || header(request, H.Origin),
    host: options.host || header(request, H.Host),
    forwardedHost: options.forwardedHost || header(request, H.ForwardedHost),
    forwardedPort: options.forwardedPort || header(request, H.ForwardedPort),
    forwardedProto:
      options.forwardedProto ||
      header(request, H.CloudFrontForwardedProto) ||
      header(request, H.ForwardedProto),
    referrer: options.referrer || header(request, H.Referrer),
    userAgent: options.userAgent || header(request, H.UserAgent),
  };
}

function searchParamsOf(request: Request | undefined): URLSearchParams | undefined {
  if (!request) return undefined;
  try {
    return new URL(request.url).searchParams;
  } catch {
    return undefined;
  }
}

/** Reads the request into the options and applies the defaults, in the reference's order. */
export function readRequest(given: AuthenticateRequestOptions): NormalizedOptions {
  const options = withEnvironmentDefaults(given);
  if (options.frontendApi) deprecated('frontendApi', 'Use `publishableKey` instead.');
  if (options.apiKey) deprecated('apiKey', 'Use `secretKey` instead.');
  const { request } = options;
  const withHeaders = request ? overlayRequestHeaders(options, request) : options;
  const cookies = request ? parseCookieHeader(request.headers.get('cookie')) : undefined;
  return {
    ...withHeaders,
    secretKey: options.secretKey || options.apiKey || '',
    frontendApi: frontendApiOf(options.publishableKey, options.frontendApi),
    apiUrl: options.apiUrl || DEFAULT_API_URL,
    apiVersion: options.apiVersion || DEFAULT_API_VERSION,
    cookieToken: options.cookieToken || cookies?.get(Cookies.Session),
    clientUat: options.clientUat || cookies?.get(Cookies.ClientUat),
    searchParams: options.searchParams || searchParamsOf(request),
  };
}
