import { createApp } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
const pii = 'Please reply to jane.doe@example.com or call +1 415 555 0132; the card on file is 4111 1111 1111 1111. ';
const filler = 'We are planning the quarterly review and need a short summary of the open items, the risks and the next steps for the team. ';
let text = pii; while (text.length < 1000) text += filler; text = text.slice(0, 1024);
const body = JSON.parse(JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: text }] }));
const app = await createApp(loadConfig({ env: { BULWARK_LOG_LEVEL: 'silent', BULWARK_DATABASE_URL: 'sqlite::memory:', BULWARK_KEY_PEPPER: '7b'.repeat(32) } }));
const policy = app.policies.resolve('abc', '/v1/chat/completions');
const g: any = app.guard;
const inspect = () => (g.inspectChat ? g.inspectChat(body, policy) : g.inspectRequest(body, undefined, policy));
for (let i = 0; i < 3000; i++) inspect();
const N = 3000;
let hot = 0;
for (let i = 0; i < N; i++) { const t = performance.now(); inspect(); hot += performance.now() - t; }
let cold = 0;
for (let i = 0; i < N; i++) { await new Promise((r) => setTimeout(r, 1)); const t = performance.now(); inspect(); cold += performance.now() - t; }
let imm = 0;
for (let i = 0; i < N; i++) { await new Promise((r) => setImmediate(r)); const t = performance.now(); inspect(); imm += performance.now() - t; }
console.log('inspect µs: tight', (hot * 1000 / N).toFixed(1), 'after 1ms sleep', (cold * 1000 / N).toFixed(1), 'after setImmediate', (imm * 1000 / N).toFixed(1));
await app.close();
