/** The JOSE header of a session token. */
export interface JwtHeader {
  /** The signing algorithm (`RS256`, ...). */
  alg: string;
  /** The token type; `JWT` when present. */
  typ?: string;
  /** The ID of the key that signed the token, looked up in the JWKS. */
  kid?: string;
  [key: string]: unknown;
}

/** Claims of a Clerk session token; any other claim is kept as-is. */
export interface JwtPayload {
  /** Session id. */
  sid?: string;
  /** User id. */
  sub: string;
  /** Issuer: the Frontend API URL of the instance that issued the token. */
  iss?: string;
  /** Authorized party: the origin the token was issued for. */
  azp?: string;
  /** Audience: one or several recipients the token is meant for. */
  aud?: string | string[];
  /** Expiration time, in seconds since the epoch. */
  exp: number;
  /** Not valid before, in seconds since the epoch. */
  nbf?: number;
  /** Issued at, in seconds since the epoch. */
  iat?: number;
  /** The active organization's ID. */
  org_id?: string;
  /** The active organization's slug. */
  org_slug?: string;
  /** The user's role in the active organization. */
  org_role?: string;
  /** The user's permissions in the active organization. */
  org_permissions?: string[];
  [key: string]: unknown;
}

/** A decoded token: parsed header and payload, signature bytes, and the original segments. */
export interface Jwt {
  /** The decoded JOSE header. */
  header: JwtHeader;
  /** The decoded claims. */
  payload: JwtPayload;
  /** The signature's bytes (base64url-decoded). */
  signature: Uint8Array<ArrayBuffer>;
  /** The base64url segments as received, and the whole token. */
  raw: {
    /** The header segment. */
    header: string;
    /** The payload segment. */
    payload: string;
    /** The signature segment. */
    signature: string;
    /** The whole token. */
    text: string;
  };
}
