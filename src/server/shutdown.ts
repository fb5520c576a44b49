import type { Server } from 'node:http';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface Closable {
  close(): Promise<void>;
}

/**
 * Graceful shutdown: stop accepting connections and wait for the requests in flight to be
 * answered (`server.close` waits; keep-alive connections are closed as soon as they are idle), then stop
 * Apollo and close the store. Rejects if the requests in flight are not done in `graceMs`.
 */
export async function drainAndStop(server: Server, apollo: Stoppable, store: Closable, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // A keep-alive connection turns idle once its last response is sent; close it then rather
  // than after the keep-alive timeout.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const drained = new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`requests still in flight after ${graceMs} ms`)), graceMs);
  });
  try {
    await Promise.race([drained, late]);
  } finally {
    clearTimeout(timer);
    clearInterval(sweep);
  }
  await apollo.stop();
  await store.close();
}
