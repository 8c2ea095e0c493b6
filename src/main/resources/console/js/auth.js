// Sign-in through the tenant's Keycloak realm: Authorization Code + PKCE (S256) with the public client ceptoar-web.
// Tokens live in this module's memory only: a reload loses them and signs in again silently through the Keycloak
// session (a prompt=none redirect, no iframe). Session storage keeps only what must survive the redirect: the PKCE
// verifier and state of a sign-in in progress, and which tenant the tab signed in to.

const PENDING = 'ceptoar.oidc.pending';
const TENANT = 'ceptoar.tenant';
const DRAFT_PREFIX = 'ceptoar.draft:';

let tokens = null;
let tenant = null;
let refreshTimer = null;
let refreshing = null;
const expiredListeners = [];

export function redirectUri() {
  return `${location.origin}/`;
}

/** The public sign-in directory (active tenants and the national tier). */
export async function directory(language) {
  const r = await fetch('/api/v1/public/tenants', { headers: { Accept: 'application/json', 'Accept-Language': language } });
  if (!r.ok) throw new Error(`directory: HTTP ${r.status}`);
  return (await r.json()).items;
}

export async function directoryEntry(code, language) {
  const r = await fetch(`/api/v1/public/tenants/${encodeURIComponent(code)}`,
    { headers: { Accept: 'application/json', 'Accept-Language': language } });
  return r.ok ? r.json() : null;
}

export function currentTenant() {
  if (tenant) return tenant;
  try {
    return JSON.parse(sessionStorage.getItem(TENANT));
  } catch {
    return null;
  }
}

export function signedIn() {
  return tokens !== null;
}

export function onExpired(listener) {
  expiredListeners.push(listener);
}

function b64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n) {
  return b64url(crypto.getRandomValues(new Uint8Array(n)));
}

/** Starts a sign-in: silent (prompt=none, for a reload) or interactive; returnTo is the page to come back to. */
export async function signIn(entry, { silent = false, returnTo = location.hash, language = 'ja' } = {}) {
  const verifier = random(48);
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, entry, returnTo, silent }));
  const params = new URLSearchParams({
    client_id: entry.clientId, redirect_uri: redirectUri(), response_type: 'code', scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256', ui_locales: language,
  });
  if (silent) params.set('prompt', 'none');
  location.assign(`${entry.authorizationEndpoint}?${params}`);
}

/**
 * Completes a sign-in when the page is the redirect target (?code=…&state=… or ?error=…). Returns null when the page
 * is not a callback, {ok: true, returnTo} when signed in, or {ok: false, entry, error, silent} otherwise.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('state') || !(query.has('code') || query.has('error'))) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/${pending?.returnTo || ''}`);
  if (!pending || pending.state !== query.get('state')) {
    return { ok: false, entry: pending?.entry ?? null, error: 'state_mismatch', silent: false };
  }
  if (query.has('error')) {
    return { ok: false, entry: pending.entry, error: query.get('error'), silent: pending.silent };
  }
  const body = new URLSearchParams({
    grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
    client_id: pending.entry.clientId, code_verifier: pending.verifier,
  });
  const r = await fetch(pending.entry.tokenEndpoint, { method: 'POST', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  if (!r.ok) return { ok: false, entry: pending.entry, error: 'token_exchange_failed', silent: pending.silent };
  accept(await r.json(), pending.entry);
  return { ok: true, returnTo: pending.returnTo };
}

function accept(response, entry) {
  tenant = entry;
  sessionStorage.setItem(TENANT, JSON.stringify(entry));
  tokens = {
    access: response.access_token,
    refresh: response.refresh_token,
    idToken: response.id_token ?? tokens?.idToken,
    expiresAt: Date.now() + response.expires_in * 1000,
  };
  clearTimeout(refreshTimer);
  // Refresh at 80% of the access token's life, so a request never goes out with a token about to expire.
  refreshTimer = setTimeout(() => refresh().catch(() => {}), Math.max(5, response.expires_in * 0.8) * 1000);
}

/** A fresh access token (refreshing first if it expires within 20 s); throws SessionExpired if that fails. */
export async function accessToken() {
  if (!tokens) throw new SessionExpired();
  if (tokens.expiresAt - Date.now() < 20000) await refresh();
  return tokens.access;
}

/** Uses the refresh token; one refresh at a time. On failure the session is over: listeners are told. */
export function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      try {
        if (!tokens?.refresh) throw new SessionExpired();
        const r = await fetch(tenant.tokenEndpoint, {
          method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: tenant.clientId }),
        });
        if (!r.ok) throw new SessionExpired();
        accept(await r.json(), tenant);
      } catch (e) {
        expire();
        throw e instanceof SessionExpired ? e : new SessionExpired();
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

/** The session is gone (Keycloak ended it, or it timed out): forget the tokens, keep drafts, tell the page. */
export function expire() {
  if (!tokens) return;
  tokens = null;
  clearTimeout(refreshTimer);
  expiredListeners.forEach((l) => l());
}

/** Signs out: drafts and tokens are dropped, then Keycloak ends its session and sends the browser back to /. */
export function signOut() {
  const entry = currentTenant();
  const idToken = tokens?.idToken;
  tokens = null;
  clearTimeout(refreshTimer);
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(DRAFT_PREFIX) || key === TENANT || key === PENDING) sessionStorage.removeItem(key);
  }
  if (!entry) {
    location.assign('/');
    return;
  }
  const params = new URLSearchParams({ post_logout_redirect_uri: redirectUri(), client_id: entry.clientId });
  if (idToken) params.set('id_token_hint', idToken);
  location.assign(`${entry.endSessionEndpoint}?${params}`);
}

export class SessionExpired extends Error {
  constructor() {
    super('session expired');
    this.name = 'SessionExpired';
  }
}

export { DRAFT_PREFIX };
