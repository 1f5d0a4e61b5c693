import { isPlainObject } from './isPlainObject';
import { snakeCase, snakeCaseKeys } from './snakeCase';

/** 0.x sends a JSON body only when the input has at least one own key (undefined values count). */
export function buildJsonBody(input: unknown): string | undefined {
  if (Array.isArray(input))
    return JSON.stringify(input.map(item => (isPlainObject(item) ? snakeCaseKeys(item) : item)));
  if (!isPlainObject(input) || Object.keys(input).length === 0) return undefined;
  return JSON.stringify(snakeCaseKeys(input));
}

/** Files stay Blobs (fetch sets the multipart boundary); other values become strings; undefined is left out. */
export function buildMultipartBody(input: unknown): FormData {
  const form = new FormData();
  if (!isPlainObject(input)) return form;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof Blob) form.append(snakeCase(key), item);
      else form.append(snakeCase(key), typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}
