const firstItem = (value: string) => value.split(',')[0]!.trim();

export interface OriginParts {
  protocol?: string | null;
  forwardedProto?: string | null;
  forwardedHost?: string | null;
  host?: string | null;
}

/**
 * The origin a request was made to, from forwarded headers first: `{protocol}://{host}`, or `''` when
 * either part is unknown.
 */
export function buildOrigin({ protocol, forwardedProto, forwardedHost, host }: OriginParts): string {
  const resolvedHost = forwardedHost != null ? firstItem(forwardedHost) : host;
  const resolvedProtocol = forwardedProto ? firstItem(forwardedProto) : protocol?.replace(/[:/]/, '');
  if (!resolvedHost || !resolvedProtocol) return '';
  return `${resolvedProtocol}://${resolvedHost}`;
}

export interface CrossOriginInput {
  host?: string;
  forwardedHost?: string;
  forwardedProto?: string;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Whether `originUrl` differs from the origin the request was made to. Without a known host nothing is
 * cross-origin (as in 0.x); an opaque origin, or a host that does not form a URL, counts as cross-origin.
 */
export function isCrossOrigin(
  originUrl: URL,
  { host, forwardedHost, forwardedProto }: CrossOriginInput,
): boolean {
  const expectedHost = forwardedHost != null ? firstItem(forwardedHost) : host;
  // Without a forwarded protocol the compared URL's own protocol is assumed, as 0.x did.
  const expectedProtocol =
    forwardedProto != null ? firstItem(forwardedProto) : originUrl.protocol.replace(/[:/]/, '');
  if (!expectedHost || !expectedProtocol) return false;
  // An opaque origin (`null`, custom schemes) can never be shown to be ours.
  if (originUrl.origin === 'null') return true;
  const expectedUrl = parseUrl(`${expectedProtocol}://${expectedHost}`);
  return !expectedUrl || expectedUrl.origin !== originUrl.origin;
}

/** Parses a header value as an absolute URL, `null` when it is not one (`Origin: null`, garbage). */
export const parseHeaderUrl = parseUrl;

const BROWSER_USER_AGENT = /^Mozilla\/|(Amazon CloudFront)/;

/** Browsers, plus CloudFront, which forwards for browsers. A missing user agent is not a browser. */
export const isBrowserUserAgent = (userAgent: string | undefined): boolean =>
  !!userAgent && BROWSER_USER_AGENT.test(userAgent);
