import { keyedRule } from '../keyed-rule.js';
import { patternRule } from '../pattern-rule.js';
import type { SecretRule } from '../secret-rule.js';

function prefixed(id: string, description: string, prefix: string, body: string, entropy?: number): SecretRule {
  return patternRule({
    id,
    description,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(`${prefix.replace(/[.$]/g, '\\$&')}${body}(?![A-Za-z0-9])`),
    ...(entropy === undefined ? {} : { entropy }),
  });
}

/** Payment and commerce: Stripe, Square, PayPal/Braintree, Shopify, Plaid and others. */
export const paymentRules: readonly SecretRule[] = [
  // Stripe keys: the live/test prefix is conclusive, so no entropy floor (sk_live_ + 24 random characters).
  prefixed('stripe_secret_key_live', 'Stripe live secret key', 'sk_live_', '[A-Za-z0-9]{24,247}'),
  prefixed('stripe_secret_key_test', 'Stripe test secret key', 'sk_test_', '[A-Za-z0-9]{24,247}'),
  prefixed('stripe_restricted_key_live', 'Stripe live restricted key', 'rk_live_', '[A-Za-z0-9]{24,247}'),
  prefixed('stripe_restricted_key_test', 'Stripe test restricted key', 'rk_test_', '[A-Za-z0-9]{24,247}'),
  prefixed('stripe_webhook_secret', 'Stripe webhook signing secret', 'whsec_', '[A-Za-z0-9+/]{32,}={0,2}', 3.5),
  prefixed('square_access_token', 'Square access token', 'EAAA', '[A-Za-z0-9_-]{60}', 3.5),
  prefixed('square_access_token_legacy', 'Square access token (sq0atp form)', 'sq0atp-', '[\\w-]{22}', 3.5),
  prefixed('square_oauth_secret', 'Square OAuth application secret', 'sq0csp-', '[\\w-]{43}', 3.5),
  patternRule({
    id: 'braintree_access_token',
    description: 'Braintree (PayPal) access token',
    keywords: ['access_token$production$', 'access_token$sandbox$'],
    pattern: /access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}(?![0-9a-f])/,
  }),
  keyedRule({
    id: 'paypal_client_secret',
    description: 'PayPal REST API client secret',
    keywords: ['paypal'],
    value: /^[A-Za-z0-9_-]{80}$/,
    entropy: 4,
  }),
  prefixed('shopify_access_token', 'Shopify access token', 'shpat_', '[A-Za-z0-9]{32,}', 3),
  prefixed('shopify_custom_app_token', 'Shopify custom app access token', 'shpca_', '[A-Za-z0-9]{32,}', 3),
  prefixed('shopify_private_app_token', 'Shopify private app access token', 'shppa_', '[A-Za-z0-9]{32,}', 3),
  prefixed('shopify_shared_secret', 'Shopify app shared secret', 'shpss_', '[A-Za-z0-9]{32,}', 3),
  patternRule({
    id: 'plaid_access_token',
    description: 'Plaid access token',
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    pattern: /access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/,
  }),
  keyedRule({
    id: 'plaid_secret',
    description: 'Plaid API secret',
    keywords: ['plaid'],
    value: /^[a-f0-9]{30}$/,
    entropy: 3,
  }),
  patternRule({
    id: 'flutterwave_secret_key',
    description: 'Flutterwave secret key',
    keywords: ['flwseck'],
    pattern: /FLWSECK(?:_TEST)?-[a-h0-9]{32}-X(?![A-Za-z0-9])/,
  }),
  patternRule({
    id: 'flutterwave_encryption_key',
    description: 'Flutterwave encryption key',
    keywords: ['flwseck_test'],
    pattern: /FLWSECK_TEST[a-h0-9]{12}(?![A-Za-z0-9])/,
  }),
  keyedRule({
    id: 'gocardless_access_token',
    description: 'GoCardless API access token',
    keywords: ['gocardless'],
    value: /^(?:live|sandbox)_[A-Za-z0-9_=-]{40}$/,
  }),
  patternRule({
    id: 'shippo_api_token',
    description: 'Shippo API token',
    keywords: ['shippo_live_', 'shippo_test_'],
    pattern: /shippo_(?:live|test)_[a-f0-9]{40}(?![a-f0-9])/,
  }),
  patternRule({
    id: 'easypost_api_key',
    description: 'EasyPost production API key',
    keywords: ['ezak'],
    pattern: /EZAK[a-z0-9]{54}(?![A-Za-z0-9])/,
    before: 'base64',
    entropy: 3.5,
  }),
  patternRule({
    id: 'easypost_test_api_key',
    description: 'EasyPost test API key',
    keywords: ['eztk'],
    pattern: /EZTK[a-z0-9]{54}(?![A-Za-z0-9])/,
    before: 'base64',
    entropy: 3.5,
  }),
  keyedRule({
    id: 'razorpay_key_secret',
    description: 'Razorpay key secret',
    keywords: ['razorpay'],
    value: /^[A-Za-z0-9]{24}$/,
    entropy: 3.5,
  }),
  keyedRule({
    id: 'mollie_api_key',
    description: 'Mollie API key',
    keywords: ['mollie'],
    value: /^(?:live|test)_[A-Za-z0-9]{30}$/,
  }),
  patternRule({
    id: 'duffel_api_token',
    description: 'Duffel API token',
    keywords: ['duffel_test_', 'duffel_live_'],
    pattern: /duffel_(?:test|live)_[\w=-]{43}(?![\w=-])/,
  }),
];
