import type { Counter, Histogram } from 'prom-client';

/** One series of a counter: a metric with its label values fixed. */
export interface CounterSeries {
  inc(value?: number): void;
}

/** One series of a histogram: a metric with its label values fixed. */
export interface HistogramSeries {
  observe(value: number): void;
}

// prom-client keeps a metric's series in `hashMap`, under a key it rebuilds from the label object
// on every inc/observe, after checking each label name: some 400 ns and 400 bytes a call, about
// ten calls a request. A series here makes its first update through prom-client's API, finds the
// entry that update stored, and from then on adds to it as prom-client itself does. It looks the
// entry up again whenever the map was replaced (`reset()`); the gateway never removes a series.
// Should the storage ever look different (a prom-client upgrade), every update goes through the
// API, as before. `metric-series.test.ts` compares the output with plain prom-client's.

type Labels = Readonly<Record<string, string>>;

interface Stored {
  readonly hashMap?: unknown;
  readonly upperBounds?: unknown;
}

interface CounterEntry {
  value: number;
}

interface HistogramEntry {
  sum: number;
  count: number;
  bucketValues: Record<string, number>;
}

function sameLabels(stored: unknown, labels: Labels): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const s = stored as Record<string, unknown>;
  for (const name in s) if (!Object.hasOwn(labels, name) || String(s[name]) !== labels[name]) return false;
  for (const name in labels) if (!Object.hasOwn(s, name)) return false;
  return true;
}

/** The entry of `labels` in the metric's current map, with the map it was found in. */
function stored(metric: object, labels: Labels): { readonly map: object; readonly entry: Record<string, unknown> } | undefined {
  const map = (metric as Stored).hashMap;
  if (typeof map !== 'object' || map === null) return undefined;
  for (const entry of Object.values(map) as unknown[]) {
    if (typeof entry === 'object' && entry !== null && sameLabels((entry as { labels?: unknown }).labels, labels)) {
      return { map, entry: entry as Record<string, unknown> };
    }
  }
  return undefined;
}

/** The series of `counter` with `labels` (every label name of the counter, given once). */
export function counterSeries<L extends string>(counter: Counter<L>, labels: Readonly<Record<L, string>>): CounterSeries {
  const frozen: Labels = Object.freeze({ ...labels });
  let map: unknown;
  let entry: CounterEntry | undefined;
  return {
    inc(value = 1) {
      if (entry !== undefined && (counter as Stored).hashMap === map && value >= 0 && Number.isFinite(value)) {
        entry.value += value;
        return;
      }
      counter.inc(frozen as Record<L, string>, value);
      const found = stored(counter, frozen);
      const ok = found !== undefined && typeof found.entry['value'] === 'number';
      map = ok ? found.map : undefined;
      entry = ok ? (found.entry as unknown as CounterEntry) : undefined;
    },
  };
}

/** The series of `histogram` with `labels` (every label name of the histogram, given once). */
export function histogramSeries<L extends string>(histogram: Histogram<L>, labels: Readonly<Record<L, string>>): HistogramSeries {
  const frozen: Labels = Object.freeze({ ...labels });
  const bounds = (histogram as Stored).upperBounds;
  const upper = Array.isArray(bounds) && bounds.every((b) => typeof b === 'number') ? (bounds as readonly number[]) : undefined;
  // prom-client keys its buckets by the bound as a property name: the same strings, made once.
  const keys = upper?.map(String) ?? [];
  let map: unknown;
  let entry: HistogramEntry | undefined;
  return {
    observe(value) {
      if (entry !== undefined && upper !== undefined && (histogram as Stored).hashMap === map && Number.isFinite(value)) {
        entry.sum += value;
        entry.count += 1;
        for (let i = 0; i < upper.length; i++) {
          if (value <= upper[i]!) {
            entry.bucketValues[keys[i]!]! += 1;
            break;
          }
        }
        return;
      }
      histogram.observe(frozen as Record<L, string>, value);
      const found = stored(histogram, frozen);
      const e = found?.entry;
      const buckets = e?.['bucketValues'];
      const ok =
        e !== undefined &&
        typeof e['sum'] === 'number' &&
        typeof e['count'] === 'number' &&
        typeof buckets === 'object' &&
        buckets !== null &&
        keys.every((k) => typeof (buckets as Record<string, unknown>)[k] === 'number');
      map = ok ? found!.map : undefined;
      entry = ok ? (e as unknown as HistogramEntry) : undefined;
    },
  };
}
