/**
 * The pages beside the API: /explore and /graphiql served from the built files with a same-origin
 * Content-Security-Policy, each turned off by configuration; Sandbox's telemetry off by default.
 * (The pages themselves are clicked through in test/explorer/, in a real Chromium.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type PagesConfig } from '../../src/config';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

describe('page settings', () => {
  test('explorer on, GraphiQL on with introspection, Sandbox telemetry off by default', () => {
    expect(loadConfig({}).pages).toEqual({ explorer: true, graphiql: true, sandboxTelemetry: false, webDir: 'dist/web' });
    expect(loadConfig({ NODE_ENV: 'production' }).pages).toMatchObject({ explorer: true, graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).pages.graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', EXPLORER: 'off', GRAPHIQL: 'false', SANDBOX_TELEMETRY: 'on', WEB_DIR: '/srv/web' }).pages).toEqual({
      explorer: false,
      graphiql: false,
      sandboxTelemetry: true,
      webDir: '/srv/web',
    });
  });

  test.each([
    ['EXPLORER', 'sometimes'],
    ['GRAPHIQL', '2'],
    ['SANDBOX_TELEMETRY', 'maybe'],
  ])('%s=%s is refused, naming the variable, what was expected and what arrived', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}: expected true or false, received "${value}"`);
  });
});

describe('serving the pages', () => {
  let webDir: string;
  const servers: TestServer[] = [];
  const start = async (pages: Partial<PagesConfig>): Promise<string> => {
    const server = await startTestServer(new MemoryStore(seedDataset()), { pages: { ...loadConfig({}).pages, webDir, ...pages } });
    servers.push(server);
    return new URL(server.url).origin;
  };

  beforeAll(() => {
    webDir = mkdtempSync(join(tmpdir(), 'usmx-web-'));
    for (const page of ['explore', 'graphiql']) {
      mkdirSync(join(webDir, page));
      writeFileSync(join(webDir, page, 'index.html'), `<!doctype html><title>${page} page</title>`);
    }
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1);');
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(webDir, { recursive: true, force: true });
  });

  test('/explore and /graphiql serve their built page with a same-origin CSP; assets are cached for good', async () => {
    const origin = await start({});
    for (const page of ['explore', 'graphiql']) {
      const res = await fetch(`${origin}/${page}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`${page} page`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
    }
    const asset = await fetch(`${origin}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${origin}/assets/nothing.js`);
    expect(missing.status).toBe(404);
  });

  test('a page turned off answers 404 naming its setting; the other stays', async () => {
    const origin = await start({ explorer: false });
    const off = await fetch(`${origin}/explore`);
    expect(off.status).toBe(404);
    expect(await off.text()).toContain('EXPLORER');
    expect((await fetch(`${origin}/graphiql`)).status).toBe(200);
    const both = await start({ explorer: false, graphiql: false });
    expect((await fetch(`${both}/graphiql`)).status).toBe(404);
    expect((await fetch(`${both}/assets/app-abc123.js`)).status).not.toBe(200);
  });

  test('an unbuilt page says to run the build', async () => {
    const origin = await start({ webDir: join(webDir, 'nowhere') });
    const res = await fetch(`${origin}/explore`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  test('Apollo Sandbox on / runs without telemetry unless SANDBOX_TELEMETRY', async () => {
    const sandbox = async (sandboxTelemetry: boolean): Promise<string> => {
      const origin = await start({ sandboxTelemetry });
      return (await fetch(`${origin}/`, { headers: { accept: 'text/html' } })).text();
    };
    expect(await sandbox(false)).toMatch(/"runTelemetry":\s*false/);
    expect(await sandbox(true)).toMatch(/"runTelemetry":\s*true/);
  });
});
