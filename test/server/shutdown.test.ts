import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { drainAndStop } from '../../src/server/shutdown';

/** An HTTP server whose /slow answers after `ms`, and a record of the shutdown steps. */
async function slowServer(ms: number) {
  const steps: string[] = [];
  const app = express();
  app.get('/slow', (_req, res) => {
    setTimeout(() => {
      steps.push('answered');
      res.json({ ok: true });
    }, ms);
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
  const apollo = { stop: async () => void steps.push('apollo stopped') };
  const store = { close: async () => void steps.push('store closed') };
  return { server, url, steps, apollo, store };
}

describe('graceful shutdown', () => {
  it('answers the requests in flight before stopping Apollo and closing the store', async () => {
    const { server, url, steps, apollo, store } = await slowServer(300);
    const inFlight = fetch(url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = drainAndStop(server, apollo, store, 5000);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    await stopped;
    expect(steps).toEqual(['answered', 'apollo stopped', 'store closed']);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('gives up on requests that outlast the grace period', async () => {
    const { server, url, apollo, store } = await slowServer(2000);
    const inFlight = fetch(url).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(drainAndStop(server, apollo, store, 100)).rejects.toThrow('requests still in flight after 100 ms');
    server.closeAllConnections();
    await inFlight;
  });
});
