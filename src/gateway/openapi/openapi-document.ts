import { ERROR_CODES } from '../../core/error-codes.js';
import { API_KEY_SCOPES } from '../../app/index.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json): Json => ({ 'application/json': { schema } });
const error = (description: string): Json => ({ description, content: json(ref('Error')) });

/** The error answers every keyed route can give, besides its own. */
const KEYED_ERRORS: Json = {
  '401': error('No API key (`ERR_AUTH_MISSING_KEY`).'),
  '403': error('Malformed, wrong, revoked or expired key, or a missing scope or model (`ERR_AUTH_*`).'),
  '429': error('Too many failed authentications from this address, or a rate or token limit (`Retry-After` is set).'),
};
const UPSTREAM_ERRORS: Json = {
  '502': error('The upstream failed, answered malformed or oversized data, or could not be reached.'),
  '504': error('The upstream did not answer in time.'),
};
/** Chat and embeddings: no answer goes out without its audit record (fail closed). */
const AUDIT_ERRORS: Json = {
  '503': error('The audit log cannot be written (`ERR_AUDIT_UNAVAILABLE`, `Retry-After` is set): the request is refused, or its answer withheld.'),
};
const BODY_ERRORS: Json = {
  '400': error('Invalid JSON or an invalid request body (`ERR_REQUEST_*`).'),
  '413': error('The body is larger than the configured limit.'),
  '415': error('The body is not `application/json`.'),
};

const keyed = (scope: string): Json => ({ security: [{ bearerKey: [] }, { apiKeyHeader: [] }], 'x-bulwark-scope': scope });
const operator: Json = {
  security: [{}, { bearerKey: [] }, { apiKeyHeader: [] }],
  description: 'Open to callers on the same machine (loopback socket address); from elsewhere an API key with the `admin` scope is required.',
};

function jsonBody(schema: Json): Json {
  return { required: true, content: json(schema) };
}

const keyId = { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } };

const paths: Json = {
  '/v1/chat/completions': {
    post: {
      summary: 'Chat completion (OpenAI-compatible), whole or streamed as server-sent events',
      description: 'Personal data in every text segment is replaced by placeholders before the request goes upstream and restored in the answer.',
      ...keyed('chat'),
      requestBody: jsonBody(ref('ChatCompletionRequest')),
      responses: {
        '200': { description: 'The completion, or an SSE stream of chunks ending in `data: [DONE]` (a terminal `error` event if the upstream fails mid-stream).', content: { ...json({ type: 'object' }), 'text/event-stream': { schema: { type: 'string' } } } },
        ...BODY_ERRORS,
        ...KEYED_ERRORS,
        ...UPSTREAM_ERRORS,
        ...AUDIT_ERRORS,
      },
    },
  },
  '/v1/embeddings': {
    post: {
      summary: 'Embeddings (OpenAI-compatible)',
      description: 'Text inputs are tokenized or redacted like chat text before they go upstream; vectors come back unchanged. Token-array inputs pass through unscanned.',
      ...keyed('embeddings'),
      requestBody: jsonBody(ref('EmbeddingsRequest')),
      responses: { '200': { description: 'An OpenAI embeddings list.', content: json({ type: 'object' }) }, ...BODY_ERRORS, ...KEYED_ERRORS, ...UPSTREAM_ERRORS, ...AUDIT_ERRORS },
    },
  },
  '/v1/models': {
    get: {
      summary: "The upstream's models, narrowed to those the key may use",
      ...keyed('chat'),
      responses: { '200': { description: 'An OpenAI model list.', content: json({ type: 'object' }) }, ...KEYED_ERRORS, ...UPSTREAM_ERRORS },
    },
  },
  '/health': {
    get: { summary: 'Liveness: the process is serving', security: [{}], responses: { '200': { description: 'Serving.', content: json({ type: 'object', properties: { status: { const: 'ok' } } }) } } },
  },
  '/health/detailed': {
    get: {
      summary: 'Store, limiter and upstream reachability, each checked within a short deadline',
      ...operator,
      responses: {
        '200': { description: 'Every component is up (or degraded: the upstream answered but refused).', content: json(ref('DetailedHealth')) },
        '503': { description: 'A component is down.', content: json(ref('DetailedHealth')) },
        ...KEYED_ERRORS,
      },
    },
  },
  '/metrics': {
    get: {
      summary: 'Prometheus metrics (text exposition format)',
      ...operator,
      responses: { '200': { description: 'Request counts and latency, upstream latency, tokens, findings by type, blocks, rate-limit hits, gateway overhead.', content: { 'text/plain': { schema: { type: 'string' } } } }, ...KEYED_ERRORS },
    },
  },
  '/openapi.json': {
    get: { summary: 'This document', security: [{}], responses: { '200': { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } } },
  },
  '/admin/keys': {
    get: { summary: 'List API keys (never secrets)', ...keyed('admin'), responses: { '200': { description: 'Keys.', content: json({ type: 'object', properties: { object: { const: 'list' }, data: { type: 'array', items: ref('ApiKey') } } }) }, ...KEYED_ERRORS } },
    post: {
      summary: 'Create an API key; the secret is in this answer only',
      ...keyed('admin'),
      requestBody: jsonBody(ref('CreateKeyRequest')),
      responses: { '201': { description: 'The key, with `key` (the secret).', content: json(ref('ApiKey')) }, ...BODY_ERRORS, ...KEYED_ERRORS },
    },
  },
  '/admin/keys/{id}': {
    delete: { summary: 'Revoke an API key', ...keyed('admin'), parameters: [keyId], responses: { '200': { description: 'The revoked key.', content: json(ref('ApiKey')) }, '404': error('No such key.'), ...KEYED_ERRORS } },
  },
  '/admin/keys/{id}/revoke': {
    post: { summary: 'Revoke an API key', ...keyed('admin'), parameters: [keyId], responses: { '200': { description: 'The revoked key.', content: json(ref('ApiKey')) }, '404': error('No such key.'), ...KEYED_ERRORS } },
  },
  '/admin/keys/{id}/rotate': {
    post: {
      summary: 'Rotate an API key: a new key now, the old one keeps working for a grace period',
      ...keyed('admin'),
      parameters: [keyId],
      requestBody: { required: false, content: json({ type: 'object', properties: { grace_seconds: { type: 'integer' } }, additionalProperties: false }) },
      responses: { '201': { description: 'The new key, with `key` (the secret) and `replaces`.', content: json(ref('ApiKey')) }, '404': error('No such active key.'), ...BODY_ERRORS, ...KEYED_ERRORS },
    },
  },
};

const component = { type: 'object', properties: { status: { enum: ['ok', 'degraded', 'down'] }, latency_ms: { type: 'number' }, kind: { type: 'string' }, code: { type: 'string' } }, required: ['status', 'latency_ms'] };

const schemas: Json = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'type', 'request_id'],
        properties: {
          code: { type: 'string', enum: Object.keys(ERROR_CODES), description: 'Stable error code.' },
          message: { type: 'string', description: 'Human-readable; never contains request content.' },
          type: { type: 'string', description: 'OpenAI-style category (invalid_request_error, authentication_error, …).' },
          request_id: { type: 'string', description: 'Also in the `x-request-id` header.' },
        },
      },
    },
  },
  ChatCompletionRequest: {
    type: 'object',
    required: ['model', 'messages'],
    properties: { model: { type: 'string', minLength: 1, maxLength: 256 }, messages: { type: 'array', minItems: 1, items: { type: 'object', required: ['role'] } }, stream: { type: ['boolean', 'null'] } },
    additionalProperties: true,
  },
  EmbeddingsRequest: {
    type: 'object',
    required: ['model', 'input'],
    properties: {
      model: { type: 'string', minLength: 1, maxLength: 256 },
      input: {
        oneOf: [
          { type: 'string' },
          { type: 'array', minItems: 1, items: { type: 'string' } },
          { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0 } },
          { type: 'array', minItems: 1, items: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0 } } },
        ],
      },
      user: { type: 'string' },
    },
    additionalProperties: true,
  },
  CreateKeyRequest: {
    type: 'object',
    required: ['name', 'scopes'],
    additionalProperties: false,
    properties: {
      name: { type: 'string' },
      scopes: { type: 'array', minItems: 1, items: { enum: [...API_KEY_SCOPES] } },
      models: { type: ['array', 'null'], items: { type: 'string' } },
      expires_at: { type: ['string', 'null'], format: 'date-time' },
    },
  },
  ApiKey: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      object: { const: 'api_key' },
      name: { type: 'string' },
      scopes: { type: 'array', items: { type: 'string' } },
      models: { type: ['array', 'null'], items: { type: 'string' } },
      status: { type: 'string' },
      created_at: { type: 'string', format: 'date-time' },
      expires_at: { type: ['string', 'null'], format: 'date-time' },
      revoked_at: { type: ['string', 'null'], format: 'date-time' },
      replaced_by: { type: ['string', 'null'] },
      key: { type: 'string', description: 'The secret; only in the answer that created it.' },
      replaces: { type: 'string' },
    },
  },
  DetailedHealth: {
    type: 'object',
    required: ['status', 'checks'],
    properties: { status: { enum: ['ok', 'degraded', 'down'] }, checks: { type: 'object', properties: { store: component, limiter: component, upstream: component } } },
  },
};

/**
 * The OpenAPI 3.1 description of the gateway's routes, authentication and error shape. Written
 * by hand and held to the registered routes by a test (`test/gateway/openapi.test.ts`).
 */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Bulwark gateway', version: '0.1.0', description: 'OpenAI-compatible privacy gateway: personal data is tokenized before it reaches the provider and restored in the answer.' },
    security: [{ bearerKey: [] }, { apiKeyHeader: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'A Bulwark API key (`bwk_…`). Keys in the URL are refused.' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas,
    },
  };
}
