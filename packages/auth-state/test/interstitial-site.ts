// The site the browser tests visit, on 127.0.0.1: interstitial pages rendered per test, a stand-in for
// clerk-js, and an endpoint where the stand-in reports what the page handed it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LoadInterstitialOptions, loadInterstitialFromLocal } from '../src/index';

export interface StandInReport {
  src: string;
  attributes: Record<string, string>;
  options: Record<string, unknown>;
  globals: { frontendApi: unknown; debug: unknown; proxyUrl: unknown; domain: unknown };
  /** `history.length` when load was called: a reload keeps it, a form re-request adds entries. */
  historyLength: number;
}

// Reports what the interstitial set up, then says "signed in" once per tab when the page URL asks for it.
const STAND_IN = `(() => {
  const script = document.currentScript;
  const attributes = {};
  for (const attr of script.attributes) {
    if (attr.name.startsWith('data-') || attr.name === 'crossorigin') attributes[attr.name] = attr.value;
  }
  const pageId = location.pathname.split('/').pop();
  const wantsSession = new URLSearchParams(location.search).get('session') === '1';
  window.Clerk = {
    loaded: false,
    async load(options) {
      const globals = {
        frontendApi: window.__clerk_frontend_api,
        debug: window.__clerk_debug,
        proxyUrl: window.__clerk_proxy_url,
        domain: window.__clerk_domain,
      };
      await fetch('/report/' + pageId, {
        method: 'POST',
        body: JSON.stringify({ src: script.src, attributes, options, globals, historyLength: history.length }),
      });
      if (wantsSession && !sessionStorage.getItem('stand-in-session')) {
        sessionStorage.setItem('stand-in-session', '1');
        this.loaded = true;
      }
    },
  };
})();`;

export interface InterstitialSite {
  url: string;
  standInUrl: string;
  /** Registers a page and returns its path. */
  addPage(options: LoadInterstitialOptions): string;
  hits(path: string): number;
  reports(path: string): StandInReport[];
  /** Resolves once `count` reports arrived for the page. */
  waitForReports(path: string, count: number): Promise<StandInReport[]>;
  /** Resolves once the page was requested `count` times. */
  waitForHits(path: string, count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startInterstitialSite(): Promise<InterstitialSite> {
  const pages = new Map<
    string,
    { options: LoadInterstitialOptions; hits: number; reports: StandInReport[] }
  >();
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  const until = (condition: () => boolean) =>
    new Promise<void>(resolve => {
      const check = () => {
        if (!condition()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      if (url.pathname === '/clerk-js-stand-in.js') {
        res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
        return res.end(STAND_IN);
      }
      const [, kind, id] = url.pathname.split('/');
      const page = pages.get(`/page/${id}`);
      if (kind === 'page' && page) {
        page.hits += 1;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(loadInterstitialFromLocal(page.options));
      } else if (kind === 'report' && page && req.method === 'POST') {
        page.reports.push(JSON.parse(Buffer.concat(chunks).toString()));
        res.writeHead(204);
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
      notify();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  let next = 0;
  const pageOf = (path: string) => pages.get(path.split(/[?#]/)[0]!)!;

  return {
    url: base,
    standInUrl: `${base}/clerk-js-stand-in.js`,
    addPage(options) {
      next += 1;
      const path = `/page/${next}`;
      pages.set(path, { options, hits: 0, reports: [] });
      return path;
    },
    hits: path => pageOf(path).hits,
    reports: path => pageOf(path).reports,
    async waitForReports(path, count) {
      await until(() => pageOf(path).reports.length >= count);
      return pageOf(path).reports;
    },
    waitForHits: (path, count) => until(() => pageOf(path).hits >= count),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
