import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so the static app works from any path the server serves it at:
 *   #/login  #/cases  #/cases/1  #/cases/1/conversations/2?seq=40  #/cases/1/search?q=…
 *   #/cases/1/queue  #/cases/1/batches/3  #/cases/1/qc  #/cases/1/record  #/cases/1/record/summary
 *   #/cases/1/reports  #/admin
 */
export type Route =
  | { readonly page: 'login' }
  | { readonly page: 'cases' }
  | { readonly page: 'admin' }
  | { readonly page: 'case'; readonly caseId: number }
  | {
      readonly page: 'thread';
      readonly caseId: number;
      readonly conversationId: number;
      readonly seq: number | null;
    }
  | { readonly page: 'search'; readonly caseId: number; readonly params: URLSearchParams }
  | { readonly page: 'queue'; readonly caseId: number }
  | { readonly page: 'batch'; readonly caseId: number; readonly batchId: number }
  | { readonly page: 'qc'; readonly caseId: number }
  | { readonly page: 'record'; readonly caseId: number; readonly view: 'record' | 'summary' }
  | { readonly page: 'reports'; readonly caseId: number };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/cases';
  const [path = '', qs = ''] = raw.split('?', 2);
  const params = new URLSearchParams(qs);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'admin') return { page: 'admin' };
  if (parts[0] === 'cases' && parts[1]) {
    const caseId = Number(parts[1]);
    if (parts[2] === 'conversations' && parts[3]) {
      const seq = params.get('seq');
      return {
        page: 'thread',
        caseId,
        conversationId: Number(parts[3]),
        seq: seq === null ? null : Number(seq),
      };
    }
    if (parts[2] === 'search') return { page: 'search', caseId, params };
    if (parts[2] === 'queue') return { page: 'queue', caseId };
    if (parts[2] === 'qc') return { page: 'qc', caseId };
    if (parts[2] === 'reports') return { page: 'reports', caseId };
    if (parts[2] === 'record')
      return { page: 'record', caseId, view: parts[3] === 'summary' ? 'summary' : 'record' };
    if (parts[2] === 'batches' && parts[3]) return { page: 'batch', caseId, batchId: Number(parts[3]) };
    return { page: 'case', caseId };
  }
  return { page: 'cases' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'login':
      return '#/login';
    case 'cases':
      return '#/cases';
    case 'admin':
      return '#/admin';
    case 'case':
      return `#/cases/${route.caseId}`;
    case 'thread':
      return `#/cases/${route.caseId}/conversations/${route.conversationId}${route.seq === null ? '' : `?seq=${route.seq}`}`;
    case 'search': {
      const qs = route.params.toString();
      return `#/cases/${route.caseId}/search${qs ? `?${qs}` : ''}`;
    }
    case 'queue':
      return `#/cases/${route.caseId}/queue`;
    case 'batch':
      return `#/cases/${route.caseId}/batches/${route.batchId}`;
    case 'qc':
      return `#/cases/${route.caseId}/qc`;
    case 'reports':
      return `#/cases/${route.caseId}/reports`;
    case 'record':
      return `#/cases/${route.caseId}/record${route.view === 'summary' ? '/summary' : ''}`;
  }
}

export function navigate(route: Route, replace = false): void {
  const target = href(route);
  if (replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const ADDRESS_EVENT = 'scrutineer:address';

/**
 * Writes the address without navigating (the thread's position as it moves) and tells useHash, so
 * the route the app renders from is the address shown: Back then returns to a different route.
 */
export function setAddress(route: Route, mode: 'push' | 'replace'): void {
  const target = href(route);
  if (target === window.location.hash) return;
  if (mode === 'push') window.history.pushState(null, '', target);
  else window.history.replaceState(null, '', target);
  window.dispatchEvent(new Event(ADDRESS_EVENT));
}

// popstate as well: Back/Forward between entries pushed by setAddress need not fire hashchange.
function subscribe(cb: () => void): () => void {
  for (const e of ['hashchange', 'popstate', ADDRESS_EVENT]) window.addEventListener(e, cb);
  return () => {
    for (const e of ['hashchange', 'popstate', ADDRESS_EVENT]) window.removeEventListener(e, cb);
  };
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
