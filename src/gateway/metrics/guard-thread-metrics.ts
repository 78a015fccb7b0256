import { Counter, Gauge, type Registry } from 'prom-client';
import type { GuardThreads } from '../../app/index.js';

/**
 * Guard-thread series, read when scraped: inspections done in a thread (the rest ran on the
 * request thread) and threads ready. A ready count of 0 with threads configured means they
 * failed to start (the log says why) and every inspection runs on the request thread.
 */
export function guardThreadMetrics(registry: Registry, threads: GuardThreads): void {
  const registers = [registry];
  new Counter({
    name: 'bulwark_guard_thread_inspections_total',
    help: 'Chat inspections done in a guard thread (the others ran on the request thread).',
    registers,
    collect() {
      this.reset();
      this.inc(threads.offloaded);
    },
  });
  new Gauge({
    name: 'bulwark_guard_threads_ready',
    help: 'Guard threads ready to take inspections (they start with the first concurrent requests).',
    registers,
    collect() {
      this.set(threads.ready);
    },
  });
}
