import { anyOf, family, gap, pattern, type PatternFamily } from './injection-pattern.js';

// Verbs that make the model hand text over. "explain" and "describe" are left to a weaker pattern:
// "explain your rules for formatting" is a fair question.
const SHOW = anyOf([
  'reveal', 'show', 'print', 'output', 'display', 'repeat', 'recite', 'tell', 'give', 'share', 'disclose', 'leak',
  'dump', 'write (?:out|down)', 'write', 'list', 'spell(?: out)?', 'echo', 'return', 'provide', 'expose', 'paste',
  'copy', 'read (?:back|out)', 'type out', 'send', 'quote', 'reproduce', 'regurgitate', 'divulge', 'unveil',
  'translate', 'encode', 'summari[sz]e', 'rewrite', 'state', 'say', 'put',
]);
// The objects the SHOW patterns need; rarer than the verbs, so the cheaper pre-check.
const PROMPT_NEEDS = [' prompt', ' instruction', ' system message', ' initial message', ' first message', ' rules',
  ' guidelines', ' directives', ' programming', ' training data', ' context window', ' setup', ' preamble',
  ' configuration', ' initiali', ' preprompt', ' metaprompt'];
const PROMPT = anyOf([
  'system prompt', 'system message', 'system instructions?', 'initial prompt', 'original prompt', 'hidden prompt',
  'secret prompt', 'pre ?prompt', 'initial instructions', 'original instructions', 'hidden instructions',
  'secret instructions', 'initial message', 'first message', 'first instructions?', 'core instructions',
  'base prompt', 'meta ?prompt', 'developer (?:message|instructions|prompt)', 'internal instructions',
  'custom instructions', 'prompt template', 'initiali[sz]ation', 'configuration', 'instructions', 'prompt',
  'rules', 'guidelines', 'directives', 'programming', 'training data', 'context window', 'setup', 'preamble',
]);
const HIDDEN_PROMPT = anyOf([
  'system prompt', 'system message', 'system instructions?', 'initial prompt', 'original prompt', 'hidden prompt',
  'secret prompt', 'pre ?prompt', 'initial instructions', 'original instructions', 'hidden instructions',
  'secret instructions', 'developer (?:message|instructions|prompt)', 'internal instructions', 'prompt above',
  'instructions above', 'above instructions', 'previous instructions', 'above prompt',
  'instructions you were given', 'prompt you were given',
]);
const SECRET = anyOf([
  'password', 'passphrase', 'passcode', 'secret word', 'secret key', 'secret code', 'secret phrase', 'secret',
  'api key', 'access code', 'access key', 'pin', 'code word', 'codeword', 'magic word', 'hidden word', 'flag',
  'credentials', 'private key', 'token',
]);
// Everyday phrases around secrets that are not requests for one.
const NOT_SECRET_USE = '(?! (?:policy|policies|manager|managers|reset|strength|requirements?|field|hash|hashing|length|rules|of|to|for (?:my|a|an)|santa|sauce|ingredient|garden|life|society|service|agent|agents|history|recipe))';
const SECRET_NEEDS = [' password', ' passphrase', ' passcode', ' secret', ' api key', ' access code', ' access key', ' pin ', ' code word', ' codeword', ' magic word', ' hidden word', ' flag ', ' credentials', ' private key', ' token '];

/** System-prompt and secret extraction: "repeat the text above", "print your system prompt". */
export const extractionPatterns: PatternFamily = family('injection.extraction', 'words', [
  pattern(`\\b${SHOW}\\b${gap(3)} (?:all (?:of )?)?your (?:\\w+ )?${PROMPT}\\b`, 0.9, 'extraction: show your instructions', [[' your '], PROMPT_NEEDS]),
  pattern(`\\b${SHOW}\\b${gap(3)} (?:the|this|that|all (?:of )?the) (?:\\w+ )?${HIDDEN_PROMPT}\\b`, 0.85, 'extraction: show the system prompt', [[' system prompt', ' system message', ' system instruction', ' initial prompt', ' original prompt', ' hidden prompt', ' secret prompt', ' preprompt', ' pre prompt', ' initial instructions', ' original instructions', ' hidden instructions', ' secret instructions', ' developer ', ' internal instructions', ' above', ' previous instructions', ' you were given']]),
  pattern(`\\bwhat (?:are|were|is|was) (?:all )?your (?:exact |original |initial |full |complete |hidden |secret |first |system |real |actual |current |specific |underlying |internal )?(?:instructions|system prompt|prompt|initial prompt|rules|guidelines|directives|programming|configuration|system message|orders|directions)\\b`, 0.75, 'extraction: what are your instructions', [[' what '], [' your ']]),
  pattern(`\\bwhat (?:is|was) (?:the|this) (?:system prompt|initial prompt|hidden prompt|system message|prompt above|text above|original prompt)\\b`, 0.7, 'extraction: what is the system prompt', [[' what '], [' system prompt', ' initial prompt', ' hidden prompt', ' system message', ' above', ' original prompt']]),
  pattern(`\\b(?:explain|describe|summari[sz]e|outline|paraphrase)${gap(2)} your (?:system prompt|initial prompt|hidden prompt|instructions|system message|original instructions|programming)\\b`, 0.55, 'extraction: describe your instructions', [[' your '], [' system prompt', ' initial prompt', ' hidden prompt', ' instructions', ' system message', ' programming']]),
  pattern(`\\b(?:repeat|print|output|recite|copy|rewrite|reproduce|write out|write down|echo|return|show|display|list|tell me|give me|read back|type out|paste|spell out)${gap(3)} (?:everything|all|the text|the words|the content|the message|the instructions|the lines|what is written|what's written|what was written|what is said|all the text|the entire text|the whole text|the full text|text|words|the conversation|our conversation|the prompt)(?: \\w+){0,2} (?:above|before|prior|preceding|so far|up to (?:this|here|now)|written before|you were given|you've been given|you have been given|in your prompt|from the (?:beginning|start|top)|verbatim|word for word)\\b`, 0.85, 'extraction: repeat the text above', [[' repeat', ' print', ' output', ' recite', ' copy', ' rewrite', ' reproduc', ' write', ' echo', ' return', ' show', ' display', ' list ', ' tell', ' give', ' read ', ' type ', ' paste', ' spell'], [' above', ' before', ' prior', ' preceding', ' so far', ' up to', ' you were given', ' your prompt', ' beginning', ' start ', ' top ', ' verbatim', ' word for word']]),
  pattern(`\\b(?:starting|beginning|start|begin|starts|begins) with (?:the words |the phrase |the sentence )?(?:you are|your instructions|i am chatgpt|you're|system)\\b`, 0.75, 'extraction: start with "You are"', [[' starting', ' beginning', ' start ', ' begin ', ' starts', ' begins'], [' you ', " you're", ' your', ' chatgpt', ' system']]),
  pattern(`\\b(?:above|previous|preceding|prior|initial|hidden|system) (?:text|content|message|prompt|instructions|conversation)${gap(3)} (?:verbatim|word for word|in full|exactly as written|in a code ?block|in markdown|in json|as is|unchanged|character for character)\\b`, 0.8, 'extraction: verbatim copy of prior text', [[' verbatim', ' word for word', ' full ', ' exactly', ' code block', ' codeblock', ' markdown', ' json', ' unchanged', ' character for'], [' above', ' previous', ' preceding', ' prior', ' initial', ' hidden', ' system']]),
  pattern(`\\byour (?:system prompt|initial prompt|instructions|prompt|rules|guidelines|system message|original instructions|secret|password)${gap(3)} (?:in|into|to|as|using) (?:base ?64|hex|hexadecimal|rot ?13|binary|morse|french|german|spanish|chinese|another language|reverse|reversed|backwards|pig latin|emojis?|json|a poem|a song|a story|a code ?block|markdown|leetspeak|caesar|ascii)\\b`, 0.88, 'extraction: your instructions, encoded or translated', [[' your '], [' in ', ' into ', ' to ', ' as ', ' using ']]),
  pattern(`\\b(?:${SHOW}|what is|what's|whats|what are)\\b${gap(3)} (?:the|your|this|that) (?:\\w+ )?${SECRET}\\b${NOT_SECRET_USE}`, 0.45, 'extraction: asks for a password or secret', [SECRET_NEEDS]),
  pattern(`\\b(?:reveal|leak|disclose|divulge|spell|expose|dump|exfiltrate|unveil)\\b${gap(3)} (?:the|your|this|that|any|all) (?:\\w+ )?${SECRET}\\b${NOT_SECRET_USE}`, 0.7, 'extraction: reveal the secret', [SECRET_NEEDS, [' reveal', ' leak', ' disclose', ' divulge', ' spell', ' expose', ' dump', ' exfiltrate', ' unveil']]),
  pattern(`\\b(?:ignore|forget|disregard|after that|then|and now|now)${gap(4)} (?:reveal|print|output|show|tell me|leak|disclose|give me|repeat|spell)${gap(2)} (?:the|your|all|any) (?:\\w+ )?(?:${SECRET}|${PROMPT})\\b`, 0.8, 'extraction: then reveal the secret', [[' ignore', ' forget', ' disregard', ' then ', ' now '], [' reveal', ' print', ' output', ' show', ' tell me', ' leak', ' disclose', ' give me', ' repeat', ' spell']]),
  pattern(`\\b(?:how|what) (?:were you|have you been|are you|was you) (?:programmed|instructed|told|configured|prompted|set up)(?: \\w+)? (?:to do|to say|with|to respond|to behave|to answer|not to)\\b`, 0.5, 'extraction: how were you instructed', [[' how ', ' what '], [' programmed', ' instructed', ' told', ' configured', ' prompted', ' set up']]),
  pattern(`\\b${SHOW}\\b${gap(3)} (?:the |this |that |all (?:of )?the )?(?:above|previous|preceding|prior|initial|original|hidden|whole|entire|full|first) (?:prompt|instructions|input|message|context|conversation|system message)\\b`, 0.8, 'extraction: print the above prompt', [[' above', ' previous', ' preceding', ' prior', ' initial', ' original', ' hidden', ' whole', ' entire', ' full', ' first'], [' prompt', ' instructions', ' input', ' message', ' context', ' conversation']]),
  pattern(`\\b(?:spell ?check|spellcheck|proofread|print|repeat|output|copy|reproduce|recite)${gap(4)} (?:text|prompt|instructions|words|sentences) (?:above|before)\\b`, 0.6, 'extraction: reproduce the text above', [[' above', ' before'], [' spell', ' spellcheck', ' proofread', ' print', ' repeat', ' output', ' copy', ' reproduce', ' recite']]),
  pattern(`\\bwhat (?:is|was|are|were) (?:written|said|stated|the (?:first|last|\\d+|two|three) (?:sentences?|words|lines|paragraphs?)) (?:above|at the (?:beginning|start|top)|before|prior|in your prompt|in the prompt)\\b`, 0.75, 'extraction: what is written above', [[' what '], [' above', ' at the beginning', ' at the start', ' at the top', ' before', ' prior', ' prompt']]),
  pattern(`\\b(?:hide|hidden|conceal) (?:the |this |your )?system prompt\\b|\\bsystem prompt (?:from|to) (?:the )?user\\b`, 0.4, 'extraction: system prompt handling', [' system prompt']),
  // German, French, Spanish.
  pattern(`\\b(?:zeig|zeige|gib|nenne|nenn|verrate|verrat|wiederhole|wiederhol|drucke|druck|schreib|schreibe|sag|sage|teile|offenbare|enthulle|gib aus)(?: mir| uns)?${gap(2)} (?:deine|deinen|dein|alle deine|euren|eure|ihre) (?:\\w+ )?(?:anweisungen|instruktionen|system ?prompt|prompt|regeln|passwort|vorgaben|systemanweisungen|systemnachricht|anfangsanweisungen|geheimnis|geheime|befehle|kennwort)\\b`, 0.85, 'extraction (de): show your instructions', [[' dein', ' alle deine', ' eure', ' ihre']]),
  pattern(`\\bwas (?:sind|waren|ist|war|lautet|lauten) (?:deine|dein|die|das) (?:genauen |ursprunglichen |geheimen )?(?:anweisungen|instruktionen|regeln|prompt|system ?prompt|passwort|vorgaben|kennwort|geheimnis)\\b`, 0.75, 'extraction (de): what are your instructions', [[' was '], [' dein', ' die ', ' das ']]),
  pattern(`\\b(?:montre|montrez|affiche|affichez|revele|revelez|repete|repetez|donne|donnez|dis|dites|ecris|ecrivez|imprime|imprimez|partage|partagez)(?: moi| nous)?${gap(2)} (?:tes|vos|ton|votre|ta) (?:instructions|consignes|prompt|prompt systeme|regles|directives|mot de passe|secret|message systeme)\\b`, 0.85, 'extraction (fr): show your instructions', [[' tes ', ' vos ', ' ton ', ' votre ', ' ta ']]),
  pattern(`\\bquel(?:le)?s? (?:sont|etaient|est|etait) (?:tes|vos|ton|votre|ta) (?:instructions|consignes|regles|prompt|directives|mot de passe)\\b`, 0.75, 'extraction (fr): what are your instructions', [' quel']),
  pattern(`\\b(?:muestra|muestrame|muestre|revela|revelame|revele|repite|repiteme|dime|di|imprime|escribe|dame|comparte|ensename)(?: me)?${gap(2)} (?:tus|tu|sus|su) (?:instrucciones|prompt|reglas|indicaciones|contrasena|clave|secreto|directrices|prompt del sistema|mensaje del sistema)\\b`, 0.85, 'extraction (es): show your instructions', [[' tus ', ' tu ', ' sus ', ' su ']]),
  pattern(`\\bcuales son (?:tus|sus) (?:instrucciones|reglas|indicaciones|directrices)\\b`, 0.75, 'extraction (es): what are your instructions', [' cuales']),
]);
