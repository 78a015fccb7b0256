import { family, pattern, type PatternFamily } from './injection-pattern.js';

const ROLE = '(?:system|assistant|developer|admin|administrator|ai|bot|chatgpt|gpt|openai|root|model)';
const LINE = '(?:^|\\n)[ >*#-]{0,4}';

/**
 * Delimiter and fake-role injection: chat-template tokens, role lines, bracketed system notes,
 * "END OF DOCUMENT. New instructions:". Reads the normalised text with its punctuation and line
 * breaks. A bare template token may be a question about chat templates, so only a token followed
 * by a role, or a fake turn, scores high.
 */
// `(?<!\S)` (start of text or after whitespace) rather than `(?:^|\s)`: the same test, and the
// search can start from the marker itself.
export const delimiterPatterns: PatternFamily = family('injection.delimiter', 'text', [
  pattern(`<\\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|im_sep|endofprompt|eom_id|end|start)\\|>`, 0.45, 'delimiter: chat-template token', ['<|']),
  pattern(`<\\|im_start\\|> ?(?:system|assistant|developer)|<\\|start_header_id\\|> ?(?:system|assistant|developer)|<\\|(?:system|assistant)\\|>\\s?\\S|<\\|im_end\\|>\\s?<\\|im_start\\|>|<\\|eot_id\\|>\\s?<\\|start_header_id\\|>`, 0.95, 'delimiter: chat-template role turn', ['<|']),
  pattern(`\\[\\/?inst\\]`, 0.6, 'delimiter: [INST] marker', ['inst]']),
  pattern(`<<\\/?sys>>|<s> ?\\[inst\\]|\\[\\/inst\\]\\s?\\S[^]{0,200}\\[inst\\]`, 0.92, 'delimiter: Llama system block', ['<<', '[inst]']),
  pattern(`<\\/?(?:start_of_turn|end_of_turn)>(?: ?(?:model|user|system))?`, 0.8, 'delimiter: turn marker', ['_of_turn>']),
  pattern(`${LINE}(?:system|developer|admin|administrator|root) ?:`, 0.4, 'delimiter: system role line', [['system', 'developer', 'admin', 'root'], [':']]),
  pattern(`${LINE}(?:system|developer|admin|administrator|root) ?(?:message|prompt|note|override|update|notice|alert|instructions?|command|notification|directive) ?:`, 0.65, 'delimiter: system message line', [['system', 'developer', 'admin', 'root'], [':']]),
  pattern(`\\b(?:system|admin|administrator|developer|root|security|maintenance|emergency) (?:override|update|alert|notice|command|instructions?|directive|notification|message|mode)\\s?:`, 0.82, 'delimiter: fake system notice', [['override', 'update', 'alert', 'notice', 'command', 'instruction', 'directive', 'notification', 'message', 'mode'], [':']]),
  pattern(`${LINE}(?:assistant|ai|chatgpt|gpt|bot|model) ?: ?(?:sure|certainly|okay|ok|of course|here|absolutely|understood|i will|i'll|yes)\\b`, 0.75, 'delimiter: fake assistant turn', [['assistant', 'ai', 'gpt', 'bot', 'model'], [':']]),
  pattern(`${LINE}(?:user|human) ?:[^]{1,400}?\\n(?:assistant|ai|bot|gpt|chatgpt) ?:`, 0.5, 'delimiter: embedded dialogue', [['user', 'human'], ['assistant', 'ai', 'bot', 'gpt', 'chatgpt'], [':']]),
  pattern(`(?<!\\S)#{2,} ?(?:system|instruction|instructions|new instructions?|admin|developer|response|assistant|task|new task)\\b`, 0.62, 'delimiter: markdown role heading', ['##']),
  pattern(`\\[(?:system|admin|administrator|developer|sys|system message|system note|system override|system prompt|important instructions?|new instructions?|hidden instructions?|instructions? for (?:the )?(?:ai|assistant|model))\\]`, 0.8, 'delimiter: bracketed system note', [['['], ['system', 'admin', 'developer', 'sys', 'instruction']]),
  pattern(`\\[(?:instructions?|note to ai|ai note|assistant)\\]`, 0.55, 'delimiter: bracketed instruction note', [['['], ['instruction', 'note', 'assistant']]),
  pattern(`\\[ ?(?:system|internal|admin|developer|hidden|secret|important|sys|ai|assistant|model) ?(?:note|message|prompt|override|instructions?|command|notice|update|info|directive)s? ?[:\\]]`, 0.78, 'delimiter: bracketed system note', [['['], ['system', 'admin', 'developer', 'sys', 'instruction']]),
  pattern(`\\[🔓|🔓 ?jailbreak|(?<!\\S)\\/jailbreak\\b|\\[jailbreak\\]|\\[🔒 ?classic\\]`, 0.85, 'delimiter: jailbreak response tag', ['🔓', 'jailbreak', '🔒']),
  pattern(`\\b(?:safety|guardrails?|filters?|filtering|censorship|content_filter|content_filtering|moderation|restrictions|ethics|safe_mode|safety_guardrails|sanitize_\\w+|safety_\\w+) ?(?:==|=|:) ?(?:false|off|disabled|none|0|no)\\b`, 0.8, 'delimiter: fake configuration switch', [['safe', 'guardrail', 'filter', 'censorship', 'moderation', 'restrictions', 'ethics', 'sanitize'], ['=', ':']]),
  pattern(`\\byou are chatgpt,? a large language model trained by openai\\b|\\bknowledge cutoff ?: ?\\d{4}`, 0.6, 'delimiter: fake provider system prompt', ['chatgpt', 'cutoff']),
  pattern(`(?:^|\\n)(?:human|user|assistant) ?: ?(?:human|user|assistant) ?:`, 0.7, 'delimiter: repeated role prefix', [['human', 'user', 'assistant'], [':']]),
  pattern(`(?:={3,}|-{3,}|\\*{3,}|#{3,}) ?end\\b`, 0.7, 'delimiter: end marker', [['===', '---', '***', '###'], ['end']]),
  pattern(`<\\/?(?:system|sys|admin|developer|system_prompt|system-prompt|systemprompt|instructions?|new_instructions|important|secret_instructions)>`, 0.7, 'delimiter: role tag', [['<'], ['system', 'sys>', 'admin', 'developer', 'instruction', 'important>', 'secret_']]),
  pattern(`<\\/(?:user_input|user_query|user|document|context|data|email|input|text|query|untrusted)>`, 0.35, 'delimiter: closes a wrapper', ['</']),
  pattern(`\\bend (?:of )?(?:the )?(?:document|input|text|context|email|data|user input|prompt|file|transcript|message|article|content|conversation|instructions?|summary|review)\\b[^a-z0-9]{0,8}(?:[a-z]+[^a-z0-9]{1,3}){0,4}(?:new|updated|real|actual|next|additional|following|important|revised) (?:instructions?|task|prompt|command|directive|orders?)\\b`, 0.95, 'delimiter: end of document, new instructions', [['end'], ['instruction', 'task', 'prompt', 'command', 'directive', 'order']]),
  pattern(`\\bend of (?:the )?(?:document|input|text|context|email|data|user input|prompt|transcript|instructions?|system prompt)\\b`, 0.4, 'delimiter: end-of-input marker', ['end of']),
  pattern(`\\b(?:new|updated|revised|real|actual|hidden|secret|true|override) (?:instructions?|task|directive|command|prompt|objective|orders?) ?:`, 0.7, 'delimiter: new instructions heading', [['instruction', 'task', 'directive', 'command', 'prompt', 'objective', 'order'], [':']]),
  pattern(`\\b(?:important|urgent|additional|extra|further) (?:instructions?|directive|command) ?:`, 0.45, 'delimiter: instructions heading', [['instruction', 'directive', 'command'], [':']]),
  pattern(`(?:-{3,}|={3,}|\\*{3,}|#{3,}|_{3,}|~{3,})\\s*(?:ignore|disregard|forget|new instructions?|system|instructions?|admin|developer|override)\\b`, 0.7, 'delimiter: separator then instructions', ['---', '===', '***', '###', '___', '~~~']),
  pattern(`"role" ?: ?"(?:system|developer)"`, 0.45, 'delimiter: JSON system role', ['"role"']),
  pattern('``` ?(?:system|instructions|prompt)\\b', 0.5, 'delimiter: fenced system block', ['```']),
  pattern(`${LINE}${ROLE} ?\\( ?(?:override|admin|priority|root|internal)`, 0.7, 'delimiter: privileged role', [['('], ['override', 'admin', 'priority', 'root', 'internal']]),
]);
