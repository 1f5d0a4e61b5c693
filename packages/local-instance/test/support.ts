import type { LocalInstance } from '../src/index';

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: any;
}

/** A raw Backend API call with the instance's secret key (or another `authorization`). */
export async function callApi(
  instance: LocalInstance,
  method: string,
  path: string,
  body?: unknown,
  authorization: string | null = `Bearer ${instance.secretKey}`,
): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  const response = await fetch(`${instance.apiUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}
