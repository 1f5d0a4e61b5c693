/** A `get()`-only stand-in for `headers` that records, in order, the names asked for. */
export function recordingHeaders(headers: Headers): {
  names: string[];
  get: (name: string) => string | null;
} {
  const names: string[] = [];
  return {
    names,
    get(name) {
      names.push(name);
      return headers.get(name);
    },
  };
}

/** `request`, its headers replaced by a recording stand-in; `names` lists what was read. */
export function recordHeaderReads(request: Request): { request: Request; names: string[] } {
  const headers = recordingHeaders(request.headers);
  Object.defineProperty(request, 'headers', { value: headers });
  return { request, names: headers.names };
}
