import { BoundedMap } from './bounded-map';

// Configuration is the same on every call; parsing it once keeps URL work off the hot path.
const joined = new BoundedMap<string, string | null>(64);

/**
 * `base` with `segments` appended to its path: empty segments are dropped and repeated `/` collapsed (not
 * after `:`), so a base path is kept. `null` when `base` is not an absolute URL.
 */
export function joinUrl(base: string, ...segments: string[]): string | null {
  const id = [base, ...segments].join('\n');
  let url = joined.get(id);
  if (url === undefined) {
    url = build(base, segments);
    joined.set(id, url);
  }
  return url;
}

function build(base: string, segments: string[]): string | null {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  url.pathname = [url.pathname, ...segments]
    .filter(Boolean)
    .join('/')
    .replace(/(?<!:)\/{2,}/g, '/');
  return url.href;
}
