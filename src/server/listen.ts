import { createServer, type RequestListener, type Server } from 'node:http';

/** The server could not listen: one line naming the port, the host and the cause. */
export class ListenError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

function describe(error: NodeJS.ErrnoException, port: number, host: string): string {
  const code = error.code ?? 'unknown error';
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is in use (EADDRINUSE); stop the other process or choose another PORT`;
    case 'EACCES':
      return `port ${port} on ${host} needs privileges this process lacks (EACCES); choose a PORT above 1023`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine (EADDRNOTAVAIL)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} does not resolve (${code})`;
    default:
      return `cannot listen on ${host}:${port} (${code}: ${error.message})`;
  }
}

/**
 * Listens on `port` and `host` and resolves once the server accepts connections, or rejects with
 * a ListenError. Express's `app.listen(port, host, cb)` would not do: Express 5 also registers
 * `cb` as the 'error' listener, so a taken port looked like success and the process said "ready".
 */
export function listen(handler: RequestListener, port: number, host: string): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      server.off('listening', listening);
      reject(new ListenError(error.code ?? 'ERROR', describe(error, port, host)));
    };
    const listening = (): void => {
      server.off('error', failed);
      resolve(server);
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, host);
  });
}
