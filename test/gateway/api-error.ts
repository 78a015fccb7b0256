import type { Stream } from 'openai/streaming';
import { APIError } from 'openai';
import { expect } from 'vitest';

/** The openai client's error from a call that must fail (fails the test when it succeeds). */
export async function apiError(p: Promise<unknown>): Promise<APIError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(APIError);
    return err as APIError;
  }
  throw new Error('expected the call to fail');
}

/** Reads a chat stream that must end in an error: the text received before it, and the error. */
export async function streamError(
  stream: Stream<{ choices: { delta: { content?: string | null } }[] }>,
): Promise<{ text: string; err: APIError }> {
  let text = '';
  const err = await apiError(
    (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })(),
  );
  return { text, err };
}
