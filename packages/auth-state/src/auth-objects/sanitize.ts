/** Deletes `privateMetadata` and `private_metadata` from the resource in place and returns it. */
export function prunePrivateMetadata<T>(resource: T): T {
  if (resource) {
    const record = resource as Record<string, unknown>;
    delete record.privateMetadata;
    delete record.private_metadata;
  }
  return resource;
}

const prunedCopy = <T>(resource: T): T => (resource ? prunePrivateMetadata({ ...resource }) : resource);

/** A copy of the auth object whose `user` and `organization` carry no private metadata. */
export function sanitizeAuthObject<T extends { user?: unknown; organization?: unknown }>(authObject: T): T {
  return {
    ...authObject,
    user: prunedCopy(authObject.user),
    organization: prunedCopy(authObject.organization),
  };
}

/** The auth object without its functions (`debug`, `getToken`, `has`), so that it can be serialised. */
export function makeAuthObjectSerializable<T extends object>(
  authObject: T,
): Omit<T, 'debug' | 'getToken' | 'has'> {
  const {
    debug: _debug,
    getToken: _getToken,
    has: _has,
    ...rest
  } = authObject as T & {
    debug?: unknown;
    getToken?: unknown;
    has?: unknown;
  };
  return rest;
}
