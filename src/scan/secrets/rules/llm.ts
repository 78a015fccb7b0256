import { keyedRule } from '../keyed-rule.js';
import { patternRule } from '../pattern-rule.js';
import type { SecretRule } from '../secret-rule.js';

/** OpenAI keys embed `T3BlbkFJ` (base64 of "OpenAI") between two random halves. */
function openaiKey(id: string, description: string, kind: string): SecretRule {
  return patternRule({
    id,
    description,
    keywords: ['t3blbkfj'],
    pattern: new RegExp(`sk-${kind}[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])`),
    entropy: 4,
    validate: (s) => kind !== '' || !/^sk-(?:proj|svcacct|admin)-/.test(s),
    score: 0.95,
  });
}

function prefixed(id: string, description: string, prefix: string, body: string, entropy = 3.5): SecretRule {
  return patternRule({
    id,
    description,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(`${prefix}${body}(?![A-Za-z0-9_-])`),
    entropy,
  });
}

/** LLM and AI platforms. */
export const llmRules: readonly SecretRule[] = [
  openaiKey('openai_api_key', 'OpenAI API key (user key)', ''),
  openaiKey('openai_project_key', 'OpenAI project API key', 'proj-'),
  openaiKey('openai_service_account_key', 'OpenAI service account key', 'svcacct-'),
  openaiKey('openai_admin_key', 'OpenAI admin key', 'admin-'),
  patternRule({
    id: 'anthropic_api_key',
    description: 'Anthropic API key',
    keywords: ['sk-ant-api'],
    pattern: /sk-ant-api\d{2}-[\w-]{93}AA(?![\w-])/,
    entropy: 4,
    score: 0.95,
  }),
  patternRule({
    id: 'anthropic_admin_key',
    description: 'Anthropic admin API key',
    keywords: ['sk-ant-admin'],
    pattern: /sk-ant-admin\d{2}-[\w-]{93}AA(?![\w-])/,
    entropy: 4,
    score: 0.95,
  }),
  patternRule({
    id: 'anthropic_oauth_token',
    description: 'Anthropic OAuth access or refresh token',
    keywords: ['sk-ant-oat', 'sk-ant-ort'],
    pattern: /sk-ant-o[ar]t\d{2}-[\w-]{80,}/,
    entropy: 4,
  }),
  keyedRule({
    id: 'cohere_api_key',
    description: 'Cohere API key',
    keywords: ['cohere', 'co_api_key'],
    value: /^[A-Za-z0-9]{40}$/,
    entropy: 3.5,
  }),
  prefixed('huggingface_access_token', 'Hugging Face access token', 'hf_', '[A-Za-z]{34}'),
  prefixed('huggingface_org_token', 'Hugging Face organization API token (legacy)', 'api_org_', '[A-Za-z]{34}'),
  prefixed('groq_api_key', 'Groq API key', 'gsk_', '[A-Za-z0-9]{52}'),
  prefixed('replicate_api_token', 'Replicate API token', 'r8_', '[A-Za-z0-9]{37}'),
  prefixed('perplexity_api_key', 'Perplexity API key', 'pplx-', '[A-Za-z0-9]{48}'),
  keyedRule({
    id: 'mistral_api_key',
    description: 'Mistral AI API key',
    keywords: ['mistral'],
    value: /^[A-Za-z0-9]{32}$/,
    entropy: 3.5,
  }),
  prefixed('xai_api_key', 'xAI API key', 'xai-', '[A-Za-z0-9]{80}'),
  prefixed('openrouter_api_key', 'OpenRouter API key', 'sk-or-v1-', '[a-f0-9]{64}', 3),
  prefixed('langsmith_api_key', 'LangSmith API key', 'lsv2_', '(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}', 3),
  prefixed('pinecone_api_key', 'Pinecone API key', 'pcsk_', '[A-Za-z0-9_]{40,}', 4),
  prefixed('nvidia_api_key', 'NVIDIA NGC / API catalog key', 'nvapi-', '[A-Za-z0-9_-]{64}', 4),
  prefixed('fireworks_api_key', 'Fireworks AI API key', 'fw_', '[A-Za-z0-9]{24}'),
  prefixed('tavily_api_key', 'Tavily API key', 'tvly-', '(?:dev-|prod-)?[A-Za-z0-9]{32}'),
  prefixed('cerebras_api_key', 'Cerebras API key', 'csk-', '[a-z0-9]{48}'),
  keyedRule({
    id: 'deepseek_api_key',
    description: 'DeepSeek API key',
    keywords: ['deepseek'],
    value: /^sk-[a-f0-9]{32}$/,
  }),
  keyedRule({
    id: 'together_api_key',
    description: 'Together AI API key',
    keywords: ['together'],
    value: /^(?:tgp_v1_[\w-]{43}|[a-f0-9]{64})$/,
  }),
  keyedRule({
    id: 'elevenlabs_api_key',
    description: 'ElevenLabs API key',
    keywords: ['elevenlabs', 'xi-api-key', 'xi_api_key'],
    value: /^(?:sk_)?[a-f0-9]{32,48}$/,
    entropy: 3,
  }),
  keyedRule({
    id: 'deepgram_api_key',
    description: 'Deepgram API key',
    keywords: ['deepgram'],
    value: /^[a-f0-9]{40}$/,
    entropy: 3,
  }),
  keyedRule({
    id: 'assemblyai_api_key',
    description: 'AssemblyAI API key',
    keywords: ['assemblyai', 'assembly_ai'],
    value: /^[a-f0-9]{32}$/,
    entropy: 3,
  }),
  keyedRule({
    id: 'stability_api_key',
    description: 'Stability AI API key',
    keywords: ['stability'],
    value: /^sk-[A-Za-z0-9]{48}$/,
    entropy: 4,
  }),
  keyedRule({
    id: 'voyage_api_key',
    description: 'Voyage AI API key',
    keywords: ['voyage'],
    value: /^pa-[A-Za-z0-9_-]{40,}$/,
    entropy: 4,
  }),
  keyedRule({
    id: 'wandb_api_key',
    description: 'Weights & Biases API key',
    keywords: ['wandb'],
    value: /^[a-f0-9]{40}$/,
    entropy: 3,
  }),
];
