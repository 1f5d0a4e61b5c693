import { CLERK_API_VERSIONS, type ClerkApiVersion } from '../generated/versions';

/** The header a pinned client sends on every Backend API request (Clerk also reads `__clerk_api_version`). */
export const CLERK_API_VERSION_HEADER = 'Clerk-API-Version';

/**
 * Throws a configuration error naming the accepted values unless `value` is one of {@link CLERK_API_VERSIONS}
 * or undefined (no header: the API 0.x talks to).
 */
export function assertClerkApiVersion(value: unknown): asserts value is ClerkApiVersion | undefined {
  if (value === undefined || (CLERK_API_VERSIONS as readonly unknown[]).includes(value)) return;
  throw new TypeError(
    `Unknown clerkApiVersion ${JSON.stringify(value)}: use one of ${CLERK_API_VERSIONS.join(', ')}, or leave it unset to send no ${CLERK_API_VERSION_HEADER} header.`,
  );
}
