/**
 * The benchmarks' chat prompt: about 1 KB of ordinary prose with a little PII (an email, a phone
 * number, a card), shared by bench/gateway.ts and bench/guard.ts so their numbers compare.
 */
export function benchPrompt(): string {
  const pii = 'Please reply to jane.doe@example.com or call +1 415 555 0132; the card on file is 4111 1111 1111 1111. ';
  const filler = 'We are planning the quarterly review and need a short summary of the open items, the risks and the next steps for the team. ';
  let text = pii;
  while (text.length < 1000) text += filler;
  return text.slice(0, 1024);
}
