import { randomBase62 } from '../lib/ids';

/** A development secret key: `sk_test_` and 40 random characters. */
export const newSecretKey = (): string => `sk_test_${randomBase62(40)}`;

/** `pk_test_` + base64(`<frontendApiHost>$`) without padding, as Clerk issues them: the format every SDK parses the frontend API from. */
export const publishableKeyFor = (frontendApi: string): string =>
  `pk_test_${Buffer.from(`${frontendApi}$`).toString('base64').replace(/=+$/, '')}`;

/** A dev-instance frontend API host like `local-7f3kq2.clerk.accounts.dev`; its issuer passes 0.x's check. */
export const newFrontendApiHost = (): string => `local-${randomBase62(6).toLowerCase()}.clerk.accounts.dev`;
