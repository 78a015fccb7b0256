/**
 * Child-process entry of `bench/gateway.ts`: starts one server (`upstream`, `passthrough`,
 * `bulwark` or `bulwark-privacy` (threat checks off), with the upstream URL as the second argument), reports `{url, key?}` over IPC and
 * runs until the parent sends `stop` (then exits, so `--cpu-prof` writes its profile). `cpu` is
 * answered with `{cpu: microseconds}` (user + system time of this process so far), so the parent
 * can compute CPU time per request, which neighbours on a shared machine disturb far less than
 * requests per second.
 */
import { startBulwark } from './gateway-bulwark.js';
import { startFixedUpstream } from './gateway-fixed-upstream.js';
import { startPassThrough } from './gateway-passthrough.js';

const [role, upstreamUrl = ''] = process.argv.slice(2);
const server =
  role === 'upstream'
    ? await startFixedUpstream()
    : role === 'passthrough'
      ? await startPassThrough(upstreamUrl)
      : await startBulwark(upstreamUrl, role !== 'bulwark-privacy');
process.send?.({ url: server.url, key: 'key' in server ? server.key : undefined });
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: user + system });
  }
  if (message !== 'stop') return;
  void server.close().finally(() => process.exit(0));
});
