// The public API, as the phone apps use it: bearer token, Accept-Language, problem+json errors, ETag/If-Match.
import { accessToken, refresh, SessionExpired } from './auth.js';
import { lang } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * api('GET', '/api/v1/me') → {status, data, etag, headers}. Options: body (JSON), query (object, empty values left
 * out), ifMatch, idempotencyKey, accept, raw (a Blob/File sent as is with contentType), blob (read the body as Blob).
 */
export async function api(method, path, options = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(options.query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const send = async (token) => {
    const headers = { Authorization: `Bearer ${token}`, 'Accept-Language': lang(),
      Accept: options.accept || 'application/json, application/problem+json' };
    let body;
    if (options.raw !== undefined) {
      body = options.raw;
      if (options.contentType) headers['Content-Type'] = options.contentType;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return fetch(url, { method, headers, body, cache: 'no-store' });
  };
  let response = await send(await accessToken());
  if (response.status === 401) {
    // The access token may have been revoked or expired early: one refresh, then give up.
    await refresh();
    response = await send(await accessToken());
    if (response.status === 401) throw new SessionExpired();
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (options.blob && response.ok) {
    data = await response.blob();
  } else if (type.includes('json')) {
    data = await response.json();
  } else if (response.status !== 204) {
    data = await response.text();
  }
  if (!response.ok) throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
  return { status: response.status, data, etag: response.headers.get('ETag'), headers: response.headers };
}

/** Every item of a cursor-paginated listing (limit 200 per page). */
export async function all(path, query = {}) {
  const items = [];
  let cursor;
  do {
    const { data } = await api('GET', path, { query: { ...query, limit: 200, cursor } });
    items.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor);
  return items;
}

/** Saves a downloaded body as a file (export, CSV). */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
