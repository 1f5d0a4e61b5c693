import type { VerifyTokenOptions } from '@clerk/jwks-resolver';

/** The Backend API fields of {@link VerifyTokenOptions}, each required (the 0.x type of that name). */
export type RequiredVerifyTokenOptions = Required<
  Pick<VerifyTokenOptions, 'apiKey' | 'secretKey' | 'apiUrl' | 'apiVersion'>
>;

/** The verification fields of {@link VerifyTokenOptions}, each optional (the 0.x type of that name). */
export type OptionalVerifyTokenOptions = Partial<
  Pick<
    VerifyTokenOptions,
    | 'audience'
    | 'authorizedParties'
    | 'clockSkewInSeconds'
    | 'clockSkewInMs'
    | 'jwksCacheTtlInMs'
    | 'skipJwksCache'
    | 'jwtKey'
  >
>;
