import { deprecated } from '@clerk/jwt-core';
import { type AuthStateApiClient, requireApiClient, unwrapApiResult } from '../api-client';

/** @deprecated Use `localInterstitial`. Loads the interstitial through the Backend API's private endpoint. */
export async function remotePrivateInterstitial(apiClient: AuthStateApiClient | undefined): Promise<string> {
  deprecated('remotePrivateInterstitial', 'Use `localInterstitial` instead.');
  const api = requireApiClient(apiClient, 'remotePrivateInterstitial');
  if (!api.interstitial) throw new Error('remotePrivateInterstitial needs an apiClient with `interstitial`.');
  return unwrapApiResult('interstitial.getInterstitial', api.interstitial.getInterstitial());
}
