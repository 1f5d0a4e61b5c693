export {
  API_URL,
  API_VERSION,
  JWKS_DEFAULTS,
  M2M_TOKEN_CATEGORY,
  NO_TOKEN_CATEGORY,
  SESSION_TOKEN_CATEGORY,
} from './constants';
export { type InstanceFields, withEnvironmentDefaults } from './environment-defaults';
export { type FaultSource, faultOf, VerifyTokenError } from './errors';
export { type JwksTuningOptions, pickJwksOptions } from './jwks-option-names';
export { type KeySource, resolveKeySource } from './key-source';
export type { FetchFunction, JwksOptions, KeySourceOptions, VerifyTokenOptions } from './options';
export { type ClerkEnvironment, type EnvironmentVariables, readEnvironment } from './read-environment';
export { resolveKey } from './resolve-key';
export { type InstanceJwtOptions, verifyDecodedToken, verifyInstanceJwt, verifyToken } from './verify-token';
