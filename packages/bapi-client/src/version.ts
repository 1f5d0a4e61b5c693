declare const __PACKAGE_VERSION__: string;

/** This package's version, taken from package.json at build time so that it follows `changeset version`. */
export const PACKAGE_VERSION: string = __PACKAGE_VERSION__;
