/** A path into a chat body: object keys and array indexes; inside tool-call `arguments` it continues into the parsed JSON. */
export type SegmentPath = readonly (string | number)[];

/** What a segment is, so policies can treat e.g. tool arguments differently from prose. */
export type SegmentKind =
  | 'content' // message `content` given as a string
  | 'content_part' // a `{type:'text'}` (or `refusal`) part of an array `content`
  | 'tool_arguments' // a string leaf of `tool_calls[].function.arguments` (or the whole string if not JSON)
  | 'tool_result' // content of a `tool` or legacy `function` message
  | 'refusal' // an assistant message's `refusal`
  | 'name' // a message's `name`
  | 'user' // the top-level `user`
  | 'tool_schema'; // a tool definition's `description`, or one inside its parameters' JSON schema

/** One piece of text in an OpenAI chat body, with the path to write it back. */
export interface ChatSegment {
  readonly path: SegmentPath;
  readonly text: string;
  readonly kind: SegmentKind;
  /** The role of the message the text belongs to, when it has one. */
  readonly role?: string;
}

/** New text for the segment at `path`. */
export interface SegmentReplacement {
  readonly path: SegmentPath;
  readonly text: string;
}
