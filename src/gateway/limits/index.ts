export { admitChat } from './admit-chat.js';
export type { AdmittedChat } from './admit-chat.js';
export { END_USER_HEADER, limitRequests } from './limit-requests.js';
export { addRateLimitHeaders } from './rate-limit-headers.js';
