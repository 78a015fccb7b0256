export { buildServer, REQUEST_ID_HEADER } from './build-server.js';
export { startGateway } from './start-gateway.js';
export type { RunningGateway } from './start-gateway.js';
export { errorBody } from './error-body.js';
export type { ErrorBody } from './error-body.js';
export { toHttpError } from './to-http-error.js';
export type { HttpError } from './to-http-error.js';
