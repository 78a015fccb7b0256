import type { InjectionSignal } from './injection-verdict.js';
import type { NormalizedText } from './normalize-for-injection.js';

/**
 * `injection.document_instruction`: in untrusted content (a tool result, a retrieved document, an
 * email the assistant is asked to summarise) an instruction aimed at the model that reads it is
 * what indirect injection is. A document may address its human reader ("please reply by Friday",
 * "include your order number in your reply"); it has no business addressing the assistant, telling
 * it what to put in its answer, or opening a chat turn. Only run on untrusted content: in a user's
 * own prompt the same words are an ordinary request.
 *
 * Four kinds of evidence, each a score in [0, 1] (the document classifier weighs them as features):
 * - `addressed`: the text speaks to an AI, assistant, model, agent or bot ("Note to the AI
 *   assistant:", "if you are a language model", "AI agents must ...");
 * - `answer`: an instruction about the reader's answer, reply, response, output or summary
 *   ("in your response, mention ...", "end your summary with ...", "when you summarise this");
 * - `role`: a line that opens a chat turn or an instruction block ("System:", "### Instruction:");
 * - `task`: a sentence that asks for a piece of work an assistant does (describe, explain, write,
 *   translate, list ...) standing on its own in the document.
 */
export interface DocumentInstruction {
  readonly addressed: number;
  readonly answer: number;
  readonly role: number;
  readonly task: number;
}

/** Names that only ever mean an AI: a document has no reason to address one. */
const AI =
  "(?:ai|a\\.i\\.|artificial intelligence|llms?|gpt|chatgpt|chat ?bots?|(?:ai|virtual|digital|coding|shopping|scheduling|research|email) (?:assistants?|agents?|models?|systems?|tools?|bots?)|(?:large )?language models?|copilot|claude|gemini|ki|ki-assistenten?|ki-systeme?|sprachmodell|assistant ia|asistente de ia|ia|modelo de lenguaje|ai-assistent)";
/** Names that may also mean a person or a statistical model ("the assistant manager", "agents must log calls"). */
const AMBIGUOUS = '(?:assistants?|models?|agents?|bots?|summari[sz]ers?)';
// Determiners before a name: "the AI", "any AI system", "dear assistant".
const BEFORE = '(?:(?:the|any|all|every|an?|each|our|this|dear|hey|hi|hello|attention|attn|to) )?';
// Reading the document: what a model does with it, not what a person does.
const READING = '(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|browsing|ingesting|indexing|that (?:reads|processes|summari[sz]es|parses)|who (?:reads|processes|summari[sz]es))';
const MODAL = '(?:must|should|shall|will|need to|needs to|have to|has to|are (?:required|instructed|asked|told|allowed|expected)|is (?:required|instructed|asked|told|allowed|expected)|may now|can now)';

const ADDRESSED: readonly (readonly [RegExp, number])[] = [
  // "Note to the AI assistant:", "message for any language model", "instructions for AI agents"
  [new RegExp(`\\b(?:note|message|notice|instructions?|reminder|request|directive|p\\.?s\\.?|hinweis|nachricht|anweisung|nota|aviso|mensaje|remarque|consigne) (?:to|for|an(?: den| die| das)?|fur(?: den| die| das)?|pour(?: l'| le| la)?|para(?: el| la)?|al|a(?: la)?) ?${BEFORE}(?:${AI}|${AMBIGUOUS})\\b`, 'g'), 0.95],
  // "AI assistant:", "Dear assistant,", "Hey chatbot," at a sentence or line start
  [new RegExp(`(?:^|[\\n.!?;(\\[>*-] ?)${BEFORE}${AI} ?[:,]|(?:^|[\\n.!?;(\\[>*-] ?)(?:dear|hey|hi|hello|attention|attn) ${AMBIGUOUS} ?[:,]|(?:^|[\\n.!?;(\\[] ?)${AMBIGUOUS}, `, 'g'), 0.85],
  // "AI agents must", "language models processing this page", "any assistant reading this"
  [new RegExp(`\\b${BEFORE}${AI} (?:${MODAL}|${READING})\\b|\\b${BEFORE}${AMBIGUOUS} ${READING}\\b`, 'g'), 0.8],
  // "if you are an AI", "wenn du eine KI bist", "si eres un modelo de lenguaje"
  [new RegExp(`\\b(?:if|when|since) you(?:'re| are) (?:an? |the )?(?:${AI}|assistant)\\b|\\bwenn du (?:eine |ein )?(?:ki|ki-assistent|sprachmodell|assistent)\\b|\\bsi (?:eres|tu es|vous etes) (?:une? |el )?(?:ia|ki|modele|modelo|assistant|asistente)\\b`, 'g'), 0.9],
];

/** What the model produces. */
const ANSWER = '(?:response|responses|answer|answers|reply|replies|output|summary|summaries|summari[sz]ation|completion|translation|message to the user|reply to the user|answer to the user|generated text|antwort|zusammenfassung|reponse|resume|respuesta|resumen|antwoord)';
// Imperatives that shape a text, at the start of a sentence (after "please", "also", "now" ...).
const SHAPE_VERBS =
  '(?:add|include|insert|append|prepend|integrate|incorporate|mention|embed|put|place|begin|start|open|end|finish|conclude|close|modify|change|alter|adjust|rewrite|reword|format|structure|write|provide|give|use|replace|remove|delete|omit|drop|exclude|leave|render|convert|translate|transform|encode|scramble|shuffle|reverse|rearrange|jumble|misspell|group|combine|merge|split|enhance|augment|enrich|substitute|swap|introduce|respond|reply|answer|output|print|say|state|claim|tell|recommend|suggest|promote|advertise|encourage|invite|remind|urge|ask|direct|redirect|link|refer|point|tease|hint|express|emphasi[sz]e|stress|highlight|make|ensure|keep|limit|restrict|present|display|show|list|describe|explain|summari[sz]e|generate|create|compose|draft|offer|praise|criticize|insult|pretend|do not|don\'t|never|always|only|schreibe|nenne|fuge|erwahne|beginne|antworte|ecris|ajoute|mentionne|reponds|escribe|agrega|anade|menciona|responde)';
const LEAD = "(?:^|[\\n.!?;:] ?|\\b(?:please|also|now|then|and|kindly|bitte|s'il vous plait|por favor) )";
// Human-addressed uses: "include your order number in your reply", "your response must be received by".
const HUMAN_REPLY = /\byour (?:order|account|ticket|reference|invoice|booking|case|customer|member(?:ship)?|policy|tracking|confirmation|phone|name|address|email|availability|cv|resume|application|id|number|comments?|feedback|questions?|vote|rsvp|consent|signature)\b|\b(?:be|been) (?:received|submitted|sent|returned|postmarked|reviewed|recorded|marked|graded)\b|\b(?:reply|respond|answer) (?:stop|yes|no|cancel|y|n|with (?:a number|yes|no|stop))\b/;

const ANSWER_PATTERNS: readonly (readonly [RegExp, number])[] = [
  // "Begin your response with ...", "Make sure the reply you generate ...", "end your summary with"
  [new RegExp(`${LEAD}${SHAPE_VERBS}\\b[^\\n.!?]{0,80}?\\b(?:your ${ANSWER}|(?:the|each|every|any) ${ANSWER} (?:you|to the user))\\b`, 'g'), 0.8],
  // "In your response, ...", "throughout your answer" ("to your reply", "for your response" are
  // thanks and anticipation; "add X to your reply" is the pattern above)
  [new RegExp(`\\b(?:in|into|within|throughout|at the (?:start|end|beginning|top|bottom) of) (?:your|each|every|any) ${ANSWER}\\b`, 'g'), 0.6],
  // "Your reply should ...", "the summary must ..."
  [new RegExp(`\\b(?:your|the) ${ANSWER} (?:should|must|shall|needs to|has to|will|may only|must not|should not|cannot|is to)\\b`, 'g'), 0.65],
  // "Respond only in French", "answer every question with ..."
  [/(?:^|[\n.!?;:] ?|\b(?:please|also|now|and|then) )(?:respond|reply|answer)(?: to)? (?:only|every|all|each|any|always|exclusively)\b/g, 0.65],
];

// "When you summarise this", "when summarizing this page", "whatever the user asks": the reader's
// task, named by the document (no answer word needed, so not behind the answer pre-check).
const READER_TASK: readonly (readonly [RegExp, number])[] = [
  [/\b(?:when|while|whenever|before|after|if) (?:you )?(?:summari[sz]|respond|answer|repl|translat|read|process|generat|writ|draft)(?:e|es|ed|ing|ies|y)? (?:this|these|the|to|about|any)\b|\bwhatever the user (?:asks|says|wants|writes)\b|\buser(?:'s)? (?:question|request|query|prompt|instructions?)\b/g, 0.7],
];

const ROLE_PATTERNS: readonly (readonly [RegExp, number])[] = [
  [/<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id)\|>|\[\/?inst\]|<<\/?sys>>|<\/?(?:system|sys|instructions?)>|\[\/?(?:system|sys)\]/g, 0.9],
  [/(?:^|\n)[ >*#-]{0,4}(?:#{2,} ?)?(?:(?:system|assistant|instructions?|new instructions?)(?: message| note| prompt| override)?|(?:developer|admin|ai|bot) (?:message|note|prompt|override|instructions?)) ?:/g, 0.7],
  [/(?:^|\n)[ >*#-]{0,4}(?:user|human) ?:[^\n]{0,300}\n[ >*#-]{0,4}(?:assistant|ai|bot|gpt) ?:/g, 0.8],
];

// Work an assistant does, asked for at the start of a sentence: "Describe the lifecycle ...",
// "Can you show me ...", "Write a limerick ...". A document's own imperatives are mostly to
// click, call, reply, sign or bring; these are weak alone and the classifier weighs them.
const TASK =
  /(?:^|[\n.!?;:|] ?)(?:please |now |also |and )?(?:describe|explain|summari[sz]e|write|compose|draft|generate|translate|list|outline|break down|elaborate|discuss|analy[sz]e|compare|define|create|tell me|show me|give me|teach me|help me|provide (?:a|an|me|some|the|examples?|details?)|can you|could you|would you|how do (?:i|you)|what (?:is|are|was|were)|who (?:is|was|wrote|invented|discovered)|why (?:is|are|do|does)|how (?:does|do|many|much))\b[^\n.!?]{8,}[.!?]?/g;
const TASK_SCORE = 0.45;

function strongest(text: string, patterns: readonly (readonly [RegExp, number])[], skip?: RegExp): number {
  let best = 0;
  for (const [re, score] of patterns) {
    if (score <= best) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text), seen = 0; m !== null && seen < 20; m = re.exec(text), seen++) {
      if (skip !== undefined && skip.test(sentenceAround(text, m.index, m[0].length))) continue;
      best = score;
      break;
    }
    re.lastIndex = 0;
  }
  return best;
}

/** The sentence (or line) around a match: where human-addressed exceptions are looked for. */
function sentenceAround(text: string, at: number, length: number): string {
  let start = at;
  while (start > 0 && at - start < 200) {
    const c = text.charCodeAt(start - 1);
    if (c === 0x0a || ((c === 0x2e || c === 0x21 || c === 0x3f) && text.charCodeAt(start) === 0x20)) break;
    start--;
  }
  let end = at + length;
  while (end < text.length && end - at < 300) {
    const c = text.charCodeAt(end);
    if (c === 0x0a || c === 0x2e || c === 0x21 || c === 0x3f) break;
    end++;
  }
  return text.slice(start, end);
}

// Cheap pre-checks, one pass each: a group of patterns runs only when the text has a word it needs
// (most documents name no AI and say nothing about a response), so the evidence costs about as
// much as the classifier does per kilobyte, not several times as much.
const AI_GATE = /\b(?:ai|a\.i|artificial|llms?|gpt|chatgpt|chat ?bots?|bots?|assistants?|agents?|models?|copilot|claude|gemini|summari[sz]ers?|ki|ki-\w+|ia|asistente|modelo|sprachmodell|assistent)\b/;
const ANSWER_GATE = /respon|answer|repl|output|summar|complet|translat|generated|message to the user|antwort|reponse|resume|antwoord/;
const ROLE_GATE = /[:<[]/;

/** The evidence of an instruction aimed at the reading model; all zero when there is none. */
export function documentInstruction(normalized: NormalizedText): DocumentInstruction {
  let addressed = 0;
  let answer = 0;
  let role = 0;
  let task = 0;
  for (const text of [normalized.text, ...normalized.decoded.map((d) => d.text)]) {
    if (AI_GATE.test(text)) addressed = Math.max(addressed, strongest(text, ADDRESSED));
    if (ANSWER_GATE.test(text)) answer = Math.max(answer, strongest(text, ANSWER_PATTERNS, HUMAN_REPLY));
    answer = Math.max(answer, strongest(text, READER_TASK, HUMAN_REPLY));
    if (ROLE_GATE.test(text)) role = Math.max(role, strongest(text, ROLE_PATTERNS));
    if (task === 0 && strongest(text, [[TASK, TASK_SCORE]]) > 0) task = TASK_SCORE;
  }
  return { addressed, answer, role, task };
}

const REASONS: Readonly<Record<keyof DocumentInstruction, string>> = {
  addressed: 'document instruction: addresses the model reading it',
  answer: 'document instruction: tells the reader what to put in its answer',
  role: 'document instruction: opens a chat turn or instruction block',
  task: 'document instruction: asks for a task no document asks of its reader',
};

/**
 * The `injection.document_instruction` signal of untrusted content: the strongest kind of evidence,
 * raised when several kinds agree; undefined when there is none.
 */
export function documentInstructionSignal(evidence: DocumentInstruction): InjectionSignal | undefined {
  const kinds = (Object.keys(REASONS) as (keyof DocumentInstruction)[]).filter((k) => evidence[k] > 0).sort((a, b) => evidence[b] - evidence[a]);
  const top = kinds[0];
  if (top === undefined) return undefined;
  let miss = 1 - evidence[top];
  for (const k of kinds.slice(1)) miss *= 1 - evidence[k] / 3;
  return { detector: 'injection.document_instruction', score: Math.round((1 - miss) * 1e4) / 1e4, reason: REASONS[top] };
}
