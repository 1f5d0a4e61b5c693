/** The JOSE header of a session token. */
export interface JwtHeader {
  alg: string;
  typ?: string;
  kid?: string;
  [key: string]: unknown;
}

/** Claims of a Clerk session token; any other claim is kept as-is. */
export interface JwtPayload {
  /** Session id. */
  sid?: string;
  /** User id. */
  sub: string;
  iss?: string;
  azp?: string;
  aud?: string | string[];
  exp: number;
  nbf?: number;
  iat?: number;
  org_id?: string;
  org_slug?: string;
  org_role?: string;
  org_permissions?: string[];
  [key: string]: unknown;
}

/** A decoded token: parsed header and payload, signature bytes, and the original segments. */
export interface Jwt {
  header: JwtHeader;
  payload: JwtPayload;
  signature: Uint8Array<ArrayBuffer>;
  raw: {
    header: string;
    payload: string;
    signature: string;
    text: string;
  };
}
