import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it, vi } from 'vitest';
import { counterSeries, histogramSeries } from './metric-series.js';

const BUCKETS = [0.0001, 0.001, 0.01, 0.1, 1, 10];

/** A counter and a histogram on a registry of their own, as `createGatewayMetrics` makes them. */
function metrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    counter: new Counter({ name: 'c_total', help: 'c', labelNames: ['route', 'status'], registers }),
    histogram: new Histogram({ name: 'h_seconds', help: 'h', labelNames: ['route'], buckets: BUCKETS, registers }),
  };
}

// Below, on a bound, between bounds, above the last bound, zero, tiny and repeated.
const OBSERVED = [0.00005, 0.0001, 0.0005, 0.001, 0.05, 1, 3, 10, 11, 250, 0, 1e-9, 0.05];

describe('metric series', () => {
  it('give the same exposition as prom-client fed label objects directly', async () => {
    const plain = metrics();
    const cached = metrics();
    const series = {
      okA: counterSeries(cached.counter, { route: '/a', status: '200' }),
      badA: counterSeries(cached.counter, { route: '/a', status: '500' }),
      a: histogramSeries(cached.histogram, { route: '/a' }),
      b: histogramSeries(cached.histogram, { route: '/b' }),
    };
    for (const [i, v] of OBSERVED.entries()) {
      plain.counter.inc({ route: '/a', status: '200' });
      series.okA.inc();
      plain.counter.inc({ route: '/a', status: '500' }, i);
      series.badA.inc(i);
      plain.histogram.observe({ route: i % 2 === 0 ? '/a' : '/b' }, v);
      (i % 2 === 0 ? series.a : series.b).observe(v);
    }
    const text = await cached.registry.metrics();
    expect(text).toBe(await plain.registry.metrics());
    // Not vacuous: every series and bucket made it out.
    expect(text).toContain('c_total{route="/a",status="200"} 13');
    expect(text).toContain('c_total{route="/a",status="500"} 78');
    expect(text).toContain('h_seconds_bucket{le="0.0001",route="/a"} 2');
    expect(text).toContain('h_seconds_bucket{le="+Inf",route="/b"} 6');
  });

  it('keep counting after a reset, and share a series also updated through prom-client', async () => {
    const plain = metrics();
    const cached = metrics();
    const ok = counterSeries(cached.counter, { route: '/a', status: '200' });
    const a = histogramSeries(cached.histogram, { route: '/a' });
    const both = (run: (m: ReturnType<typeof metrics>, viaSeries: boolean) => void): void => {
      run(plain, false);
      run(cached, true);
    };
    both((m, s) => (s ? ok.inc(2) : m.counter.inc({ route: '/a', status: '200' }, 2)));
    both((m, s) => (s ? a.observe(0.5) : m.histogram.observe({ route: '/a' }, 0.5)));
    both((m) => m.registry.resetMetrics());
    both((m, s) => (s ? ok.inc(3) : m.counter.inc({ route: '/a', status: '200' }, 3)));
    both((m, s) => (s ? a.observe(5) : m.histogram.observe({ route: '/a' }, 5)));
    both((m) => m.counter.inc({ route: '/a', status: '200' }, 4));
    both((m, s) => (s ? ok.inc() : m.counter.inc({ route: '/a', status: '200' })));
    const text = await cached.registry.metrics();
    expect(text).toBe(await plain.registry.metrics());
    expect(text).toContain('c_total{route="/a",status="200"} 8');
    expect(text).toContain('h_seconds_count{route="/a"} 1');
  });

  it('refuse what prom-client refuses', () => {
    const { counter, histogram } = metrics();
    const ok = counterSeries(counter, { route: '/a', status: '200' });
    const a = histogramSeries(histogram, { route: '/a' });
    ok.inc();
    a.observe(1);
    expect(() => ok.inc(-1)).toThrow('It is not possible to decrease a counter');
    expect(() => ok.inc(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => a.observe(Number.NaN)).toThrow(TypeError);
  });

  // If this fails after a prom-client upgrade, its storage changed: the series still count
  // correctly (through the API), but every update pays the label hashing again.
  it('go through prom-client only for their first update', () => {
    const { counter, histogram } = metrics();
    const inc = vi.spyOn(counter, 'inc');
    const observe = vi.spyOn(histogram, 'observe');
    const ok = counterSeries(counter, { route: '/a', status: '200' });
    const a = histogramSeries(histogram, { route: '/a' });
    for (let i = 0; i < 5; i++) {
      ok.inc();
      a.observe(i);
    }
    expect([inc.mock.calls.length, observe.mock.calls.length]).toEqual([1, 1]);
  });
});
