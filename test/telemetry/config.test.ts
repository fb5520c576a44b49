import { ConfigError, configSecrets, environmentSecrets, loadConfig } from '../../src/config';

describe('telemetry configuration', () => {
  it('serves /metrics on the API port by default, open, with 200 operation labels; tracing off', () => {
    expect(loadConfig({}).telemetry).toEqual({
      metrics: true,
      metricsToken: undefined,
      metricsPort: undefined,
      metricsHost: '127.0.0.1',
      maxOperationLabels: 200,
      traceExporters: [],
      serviceName: 'usmx-graph',
    });
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, ['otlp']],
    [{ OTEL_TRACES_EXPORTER: 'OTLP, console' }, ['otlp', 'console']],
    [{ OTEL_TRACES_EXPORTER: 'none' }, []],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, ['otlp']],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, ['otlp']],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }, []],
    [{ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }, []],
  ])('turns tracing on only when the OTEL_* variables ask: %j → %j', (env, exporters) => {
    expect(loadConfig(env).telemetry.traceExporters).toEqual(exporters);
  });

  it('refuses an unknown exporter, a short metrics token and a bad port, naming what was expected', () => {
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(
      new ConfigError('OTEL_TRACES_EXPORTER', 'none or comma-separated otlp, console', 'jaeger'),
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      'METRICS_TOKEN: expected a token of at least 16 characters without spaces, received "<5 characters>"',
    );
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow('METRICS_PORT: expected an integer from 0 to 65535, received "70000"');
    expect(() => loadConfig({ METRICS: 'maybe' })).toThrow('METRICS: expected true or false, received "maybe"');
    expect(() => loadConfig({ METRICS_MAX_OPERATIONS: '0' })).toThrow('METRICS_MAX_OPERATIONS: expected an integer from 1 to 10000, received "0"');
  });

  it('reads METRICS, METRICS_PORT, METRICS_HOST and OTEL_SERVICE_NAME', () => {
    const config = loadConfig({ METRICS: 'off', METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', OTEL_SERVICE_NAME: 'usmx-eu' }).telemetry;
    expect(config).toMatchObject({ metrics: false, metricsPort: 9464, metricsHost: '0.0.0.0', serviceName: 'usmx-eu' });
  });

  it('counts the metrics token among the secrets that logs and errors mask', () => {
    const token = 'metrics-token-0123456789';
    expect(configSecrets(loadConfig({ METRICS_TOKEN: token }))).toEqual([token]);
    expect(environmentSecrets({ METRICS_TOKEN: token })).toEqual([token]);
  });
});
