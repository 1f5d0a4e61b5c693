import type { CurrentStateInput } from '../states/current-states';
import { type HandshakeContext, urlOf } from './context';

/** The echoed configuration and debug data of the states built for this request. */
export function stateInputOf(context: HandshakeContext): CurrentStateInput {
  const { options } = context;
  return {
    proxyUrl: context.proxyUrl,
    publishableKey: options.publishableKey,
    isSatellite: options.isSatellite,
    domain: options.domain,
    signInUrl: options.signInUrl,
    signUpUrl: options.signUpUrl,
    afterSignInUrl: options.afterSignInUrl,
    afterSignUpUrl: options.afterSignUpUrl,
    apiClient: options.apiClient,
    debugData: () => ({
      secretKey: options.secretKey,
      jwtKey: options.jwtKey,
      publishableKey: options.publishableKey,
      frontendApi: context.frontendApi,
      proxyUrl: context.proxyUrl,
      domain: options.domain,
      isSatellite: options.isSatellite,
      instanceType: context.instanceType,
      clerkUrl: urlOf(context).href,
      apiUrl: options.apiUrl,
      apiVersion: options.apiVersion,
    }),
  };
}
