import { createServer, type AddressInfo } from 'node:net';

/** A TCP port on `host` that was free a moment ago (the OS picks it), for a server started next. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
