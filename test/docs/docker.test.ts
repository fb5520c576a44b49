import { readFileSync } from 'node:fs';
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
    expect(runs(runtime)).toEqual(['npm ci --omit=dev && npm cache clean --force']);
  });

  it('runs neo4j:5.26-community with a healthcheck and a named volume, the API after it is healthy', () => {
    const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
    expect(compose.services.neo4j.image).toBe('neo4j:5.26-community');
    expect(compose.services.neo4j.healthcheck.test.join(' ')).toContain("'RETURN 1'");
    expect(compose.services.neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
    expect(compose.services.neo4j.ports).toContain('7474:7474');
    expect(compose.services.api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(compose.services.api.ports).toEqual(['4000:4000']);
    expect(compose.services.api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('is documented in the README beside the two commands', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('docker compose up');
    expect(readme).toContain('http://localhost:7474');
  });
});
