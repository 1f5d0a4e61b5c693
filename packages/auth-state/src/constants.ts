/** Names shared with framework SDKs: cookies, headers, attributes and query parameters, as in 0.x. */
export const constants = {
  Attributes: {
    AuthToken: '__clerkAuthToken',
    AuthStatus: '__clerkAuthStatus',
    AuthReason: '__clerkAuthReason',
    AuthMessage: '__clerkAuthMessage',
  },
  Cookies: {
    Session: '__session',
    ClientUat: '__client_uat',
  },
  Headers: {
    AuthToken: 'x-clerk-auth-token',
    AuthStatus: 'x-clerk-auth-status',
    AuthReason: 'x-clerk-auth-reason',
    AuthMessage: 'x-clerk-auth-message',
    EnableDebug: 'x-clerk-debug',
    ClerkRedirectTo: 'x-clerk-redirect-to',
    CloudFrontForwardedProto: 'cloudfront-forwarded-proto',
    Authorization: 'authorization',
    ForwardedPort: 'x-forwarded-port',
    ForwardedProto: 'x-forwarded-proto',
    ForwardedHost: 'x-forwarded-host',
    Referrer: 'referer',
    UserAgent: 'user-agent',
    Origin: 'origin',
    Host: 'host',
    ContentType: 'content-type',
  },
  SearchParams: {
    AuthStatus: 'x-clerk-auth-status',
    AuthToken: 'x-clerk-auth-token',
  },
  ContentTypes: {
    Json: 'application/json',
  },
} as const;

export const DEFAULT_API_URL = 'https://api.clerk.dev';
export const DEFAULT_API_VERSION = 'v1';
export const SDK_USER_AGENT = '@clerk/backend@0.38.15';
/** The clerk-js major the local interstitial loads when no version is given. */
export const DEFAULT_CLERK_JS_PKG_VERSION = '4.73.9';

/** Query parameters read by the satellite-syncing rules. */
export const SATELLITE_URL_PARAM = '__clerk_satellite_url';
export const SYNCED_PARAM = '__clerk_synced';

export const MISSING_SECRET_KEY_MESSAGE =
  'Missing Clerk Secret Key or API Key. Go to https://dashboard.clerk.com and get your key for your instance.';
/** The current form's wording (current-clerk.md 3.6, 5.2): no API key any more. */
export const MISSING_CURRENT_SECRET_KEY_MESSAGE =
  'Missing Clerk Secret Key. Go to https://dashboard.clerk.com and get your key for your instance.';
