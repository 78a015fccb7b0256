export { openApiDocument } from './openapi-document.js';
export { openApiRoute } from './openapi-route.js';
export { routeCatalog } from './route-catalog.js';
export type { RegisteredRoute } from './route-catalog.js';
