import type { SecretMatch, SecretRule } from '../secret-rule.js';
import { urlCredentials } from '../url-credentials.js';

const DATABASE_SCHEMES = [
  'postgres', 'postgresql', 'mysql', 'mysqlx', 'mariadb', 'mssql', 'sqlserver', 'oracle', 'db2', 'cockroachdb',
  'cockroach', 'clickhouse', 'redshift', 'snowflake', 'neo4j', 'neo4j+s', 'bolt', 'cassandra', 'couchdb',
  'couchbase', 'couchbases', 'influxdb', 'timescaledb', 'vertica', 'presto', 'trino', 'hive2', 'memgraph',
];
const MONGO_SCHEMES = ['mongodb', 'mongodb+srv'];
const REDIS_SCHEMES = ['redis', 'rediss', 'valkey', 'valkeys'];
const AMQP_SCHEMES = ['amqp', 'amqps'];
const OWN_SCHEMES = new Set([...DATABASE_SCHEMES, ...MONGO_SCHEMES, ...REDIS_SCHEMES, ...AMQP_SCHEMES]);

function urlRule(
  id: string,
  description: string,
  keywords: readonly string[],
  accepts: (scheme: string) => boolean,
  score: number,
): SecretRule {
  const reason = `${description} (secret.${id}); password in the URL's user info, not a placeholder`;
  return {
    id,
    description,
    keywords,
    find(state) {
      const found: SecretMatch[] = [];
      for (const c of urlCredentials(state)) {
        if (accepts(c.scheme)) found.push({ start: c.start, end: c.end, score, reason });
      }
      return found;
    },
  };
}

/** Passwords in URLs: databases, MongoDB, Redis, AMQP, and every other scheme (basic auth). */
export const urlRules: readonly SecretRule[] = [
  urlRule('database_url', 'Database connection URL with a password', [...new Set(DATABASE_SCHEMES.map((s) => s.replace(/\d*\+.*$/, '')))], (s) => DATABASE_SCHEMES.includes(s), 0.9),
  urlRule('mongodb_url', 'MongoDB connection URL with a password', ['mongodb'], (s) => MONGO_SCHEMES.includes(s), 0.9),
  urlRule('redis_url', 'Redis connection URL with a password', ['redis', 'valkey'], (s) => REDIS_SCHEMES.includes(s), 0.9),
  urlRule('amqp_url', 'AMQP (RabbitMQ) connection URL with a password', ['amqp'], (s) => AMQP_SCHEMES.includes(s), 0.9),
  urlRule('url_basic_auth', 'Basic-auth credentials in a URL', ['://'], (s) => !OWN_SCHEMES.has(s), 0.85),
];
