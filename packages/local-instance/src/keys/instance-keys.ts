import { randomBase62 } from '../lib/ids';

/** Development (`pk_test_`/`sk_test_` keys) or production (`pk_live_`/`sk_live_`). */
export type InstanceType = 'development' | 'production';

/** A secret key: `sk_test_` (development) or `sk_live_` (production) and 40 random characters. */
export const newSecretKey = (instanceType: InstanceType = 'development'): string =>
  `${instanceType === 'production' ? 'sk_live_' : 'sk_test_'}${randomBase62(40)}`;

/**
 * `pk_test_` (development, the default) or `pk_live_` (production) + base64(`<frontendApiHost>$`) without
 * padding, as Clerk issues them: the format every SDK parses the frontend API from.
 */
export const publishableKeyFor = (frontendApi: string, instanceType: InstanceType = 'development'): string =>
  `${instanceType === 'production' ? 'pk_live_' : 'pk_test_'}${Buffer.from(`${frontendApi}$`).toString('base64').replace(/=+$/, '')}`;

/** A dev-instance frontend API host like `local-7f3kq2.clerk.accounts.dev`; its issuer passes 0.x's check. */
export const newFrontendApiHost = (): string => `local-${randomBase62(6).toLowerCase()}.clerk.accounts.dev`;
