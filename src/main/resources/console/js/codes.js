// Labelled code lists from the API (GET /api/v1/reference/code-lists and the other reference endpoints), fetched
// once per language: forms offer exactly the codes the API accepts, with the API's own labels.
import { api } from './api.js';
import { lang } from './i18n.js';

const cache = new Map();

function cached(key, load) {
  const k = `${lang()}:${key}`;
  if (!cache.has(k)) cache.set(k, load().catch((e) => { cache.delete(k); throw e; }));
  return cache.get(k);
}

export function codeLists() {
  return cached('code-lists', async () => {
    const { data } = await api('GET', '/api/v1/reference/code-lists');
    return Object.fromEntries(data.lists.map((l) => [l.name, l.options]));
  });
}

/** Options [{code, label}] of a named code list. */
export async function options(name) {
  const lists = await codeLists();
  if (!lists[name]) throw new Error(`no code list ${name}`);
  return lists[name];
}

export function reference(path) {
  return cached(path, async () => (await api('GET', path)).data);
}

/** The cloud-service option lists, by list name. */
export function cloudOptions() {
  return cached('cloud', async () => {
    const { data } = await api('GET', '/api/v1/reference/cloud-service-options');
    const lists = Array.isArray(data) ? data : data.lists || data.items;
    return Object.fromEntries(lists.map((l) => [l.name, l.options]));
  });
}

export function labelOf(options, code) {
  return options.find((o) => String(o.code) === String(code))?.label ?? code;
}
