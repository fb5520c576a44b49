import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The image builds and starts with the same commands the README gives (`npm ci`, then what
 * `npm start` and `npm run seed` run), and the compose file has what the README promises.
 * CI also runs `docker-compose config` on the compose file.
 */
describe('Dockerfile and docker-compose.yml', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const [build, runtime] = stages;
  const runs = (stage: string): string[] => [...stage.matchAll(/^RUN (.+)$/gm)].map((m) => m[1]);

  it('builds with the README commands: npm ci, then what npm start runs first', () => {
    expect(stages).toHaveLength(2);
    expect(scripts.prestart).toBe('npm run build --silent');
    expect(runs(build)).toEqual(['npm ci', 'npm run build']);
  });

  it('starts with what npm run seed and npm start run, compiled, as a non-root user', () => {
    const seedStep = scripts.seed.split('&&').pop()!.trim();
    expect(seedStep).toBe('node dist/seed-db.js');
    expect(runtime).toContain(`CMD ["sh", "-c", "${seedStep} && ${scripts.start}"]`);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runs(runtime)).toEqual(['npm ci --omit=dev --ignore-scripts && npm cache clean --force']);
  });

  it('runs with the dependencies patched as patches/ says (applied by npm ci in the build stage, copied from there)', () => {
    const patched = readdirSync('patches')
      .filter((file) => file.endsWith('.patch'))
      .map((file) => file.replace(/\+[^+]*\.patch$/, '').replace(/\+/g, '/'));
    expect(patched).toContain('type-graphql');
    expect(scripts.postinstall).toBe('patch-package');
    expect(build.indexOf('COPY patches ./patches')).toBeGreaterThan(-1);
    expect(build.indexOf('COPY patches ./patches')).toBeLessThan(build.indexOf('RUN npm ci'));
    for (const name of patched) expect(runtime).toContain(`COPY --from=build /app/node_modules/${name} ./node_modules/${name}`);
  });

  it('runs neo4j:5.26-community with a healthcheck and a named volume, the API after it is healthy', () => {
    const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
    expect(compose.services.neo4j.image).toBe('neo4j:5.26-community');
    expect(compose.services.neo4j.healthcheck.test.join(' ')).toContain("'RETURN 1'");
    expect(compose.services.neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
    expect(compose.services.neo4j.ports).toContain('127.0.0.1:7474:7474');
    expect(compose.services.api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(compose.services.api.ports).toEqual(['127.0.0.1:4000:4000']);
    expect(compose.services.api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('runs both stages on the Node.js LTS line CI tests on, within package.json engines', () => {
    const ciMajor = Number(/^CI_NODE_MAJOR="\$\{CI_NODE_MAJOR:-(\d+)\}"$/m.exec(readFileSync('.ci/node-lts.sh', 'utf8'))?.[1]);
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    const floor = Number(/^>=(\d+)/.exec(engines)?.[1]);
    expect(floor).toBeGreaterThanOrEqual(22);
    expect(ciMajor).toBeGreaterThanOrEqual(floor);
    expect(stages.map((stage) => stage.split('\n')[0])).toEqual([`node:${ciMajor}-trixie-slim AS build`, `node:${ciMajor}-trixie-slim AS runtime`]);
  });

  describe('compose is safe on a shared network by default', () => {
    const text = readFileSync('docker-compose.yml', 'utf8');
    const compose = parse(text);
    const missing = 'set NEO4J_PASSWORD in the environment or in .env';

    it('publishes every port on 127.0.0.1 only', () => {
      const ports: string[] = Object.values(compose.services as Record<string, { ports: string[] }>).flatMap((s) => s.ports);
      expect(ports).toHaveLength(3);
      for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    });

    it('has no default password: NEO4J_PASSWORD is required, with a message saying where to set it', () => {
      const uses = [...text.matchAll(/\$\{NEO4J_PASSWORD([^}]*)\}/g)].map((m) => m[1]);
      expect(uses).toHaveLength(2);
      for (const use of uses) expect(use).toMatch(new RegExp(`^:\\?${missing}`));
      expect(text).not.toMatch(/usmx-graph-dev/);
      expect(compose.services.neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
      expect(compose.services.api.environment.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
    });

    it('ships an .env.example to copy; .env itself stays out of git and out of the image', () => {
      expect(readFileSync('.env.example', 'utf8')).toMatch(/^NEO4J_PASSWORD=$/m);
      expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('.env');
      expect(readFileSync('.dockerignore', 'utf8').split('\n')).toContain('.env');
    });

    // CI installs docker-compose (.ci/run); elsewhere the checks above stand alone.
    const hasCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
    (hasCompose ? it : it.skip)('docker-compose refuses to start without NEO4J_PASSWORD and says why', () => {
      const env = { ...process.env };
      delete env.NEO4J_PASSWORD;
      // An empty env file, so that a developer's own .env does not answer for the environment.
      const envFile = join(mkdtempSync(join(tmpdir(), 'compose-')), 'empty.env');
      writeFileSync(envFile, '');
      const config = (extra: NodeJS.ProcessEnv) =>
        spawnSync('docker-compose', ['--env-file', envFile, 'config'], { encoding: 'utf8', env: { ...env, ...extra } });
      const refused = config({});
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain(missing);
      const accepted = config({ NEO4J_PASSWORD: 'a-chosen-password' });
      expect(accepted.status).toBe(0);
      expect(accepted.stdout).toContain('NEO4J_AUTH: neo4j/a-chosen-password');
    });
  });

  it('is documented in the README beside the two commands', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('docker compose up');
    expect(readme).toContain('http://localhost:7474');
    expect(readme).toContain('cp .env.example .env');
    expect(readme).toContain('127.0.0.1');
  });
});
