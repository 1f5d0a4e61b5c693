// The instance type always comes from the secret key; any other prefix is neither dev nor prod.
export const isDevelopmentSecretKey = (key: string): boolean =>
  key.startsWith('test_') || key.startsWith('sk_test_');

export const isProductionSecretKey = (key: string): boolean =>
  key.startsWith('live_') || key.startsWith('sk_live_');
