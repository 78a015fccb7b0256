import { anyOf, family, gap, otherGap, pattern, type PatternFamily } from './injection-pattern.js';

// Verbs that drop what came before. Everyday verbs ("cancel", "reset", "delete") are left out:
// "cancel my previous order" is a shopping request, not an attack.
const IGNORE = anyOf([
  'ignore', 'ignores', 'ignoring', 'disregard', 'disregards', 'disregarding', 'forget', 'forgetting', 'overlook',
  'override', 'overrides', 'overriding', 'bypass', 'bypasses', 'pay no attention to',
  "(?:do not|don't|dont|never) (?:follow|obey|heed)", 'stop following', 'no longer follow', 'set aside', 'discard',
  'dismiss', 'neglect', 'abandon', 'unlearn', 'never ?mind', 'skip', 'throw away', 'put aside',
]);
// Word starts that one of the IGNORE verbs needs (the words view is space-padded).
const IGNORE_NEEDS = [' ignor', ' disregard', ' forget', ' overlook', ' overrid', ' bypass', ' pay no', ' follow',
  ' obey', ' heed', ' aside', ' discard', ' dismiss', ' neglect', ' abandon', ' unlearn', ' mind', ' nevermind',
  ' skip', ' throw away'];
const PRIOR = anyOf([
  'previous', 'previously', 'prior', 'preceding', 'above', 'earlier', 'former', 'initial', 'original', 'old',
  'foregoing', 'before', 'given', 'existing', 'current', 'system', 'default', 'developer', 'safety', 'programmed',
  'built in', 'preset', 'hidden', 'first', 'aforementioned', 'last', 'provided',
]);
const RULES = anyOf([
  'instructions?', 'prompts?', 'rules', 'directives?', 'guidelines', 'programming', 'restrictions', 'constraints',
  'guardrails', 'filters', 'polic(?:y|ies)', 'training', 'directions', 'commands', 'orders', 'guidance',
  'limitations', 'boundaries', 'protocols?', 'safeguards',
]);
const RULES_NEEDS = [' instruction', ' prompt', ' rules', ' directive', ' guideline', ' programming', ' restriction',
  ' constraint', ' guardrail', ' filters', ' polic', ' training', ' directions', ' commands', ' orders', ' guidance',
  ' limitation', ' boundaries', ' protocol', ' safeguard'];
const STUFF = anyOf([
  'messages?', 'text', 'inputs?', 'context', 'conversation', 'requests?', 'tasks?', 'information', 'content',
  'said', 'told', 'everything', 'anything', 'data', 'sentences?', 'paragraphs?', 'words', 'articles?', 'documents?',
  'sources', 'thoughts',
]);

const DE_IGNORE = anyOf(['ignoriere', 'ignorier', 'ignoriert', 'vergiss', 'vergesse', 'vergesst', 'missachte', 'uberspringe', 'verwirf', 'verwerfe', 'ignorieren sie', 'vergessen sie', 'missachten sie']);
const DE_IGNORE_NEEDS = [' ignorier', ' vergiss', ' vergess', ' missacht', ' uberspring', ' verwirf', ' verwerf'];
const DE_PRIOR = anyOf(['vorherigen?', 'vorigen?', 'bisherigen?', 'obigen?', 'vorangegangenen?', 'vorangehenden?', 'fruheren?', 'ursprunglichen?', 'alten', 'gesagten?', 'zuvor', 'davor', 'vorher', 'oben', 'ersten']);
const DE_RULES = anyOf(['anweisungen', 'anweisung', 'instruktionen', 'befehle', 'regeln', 'vorgaben', 'aufgaben', 'aufgabe', 'informationen', 'eingaben', 'anordnungen', 'richtlinien', 'auftrage', 'ausfuhrungen', 'texte', 'angaben']);
const FR_IGNORE = anyOf(['ignore', 'ignorez', 'ignorer', 'ignores', 'oublie', 'oubliez', 'oublier', 'ne tiens pas compte', 'ne tenez pas compte', 'fais abstraction', 'faites abstraction', 'neglige', 'negligez', 'ne suis pas', 'ne suivez pas']);
const FR_IGNORE_NEEDS = [' ignor', ' oubli', ' compte', ' abstraction', ' neglig', ' suis pas', ' suivez pas'];
const FR_RULES = anyOf(['instructions?', 'consignes?', 'regles', 'directives', 'ordres', 'indications', 'commandes', 'taches']);
const FR_PRIOR = anyOf(['precedentes?', 'precedents', 'anterieures?', 'ci dessus', "d'avant", 'initiales?', 'originales?', 'de depart', 'donnees', 'plus haut']);
const ES_IGNORE = anyOf(['ignora', 'ignore', 'ignoren', 'ignorar', 'olvida', 'olvide', 'olviden', 'olvidar', 'olvidate de', 'descarta', 'descarte', 'omite', 'omita', 'no sigas', 'no siga', 'no sigan']);
const ES_IGNORE_NEEDS = [' ignor', ' olvid', ' descart', ' omit', ' no sig'];
const ES_RULES = anyOf(['instrucciones', 'instruccion', 'reglas', 'indicaciones', 'ordenes', 'directrices', 'directivas', 'comandos', 'tareas']);
const ES_PRIOR = anyOf(['anteriores', 'anterior', 'previas', 'previos', 'de arriba', 'originales', 'iniciales', 'dadas', 'precedentes']);

/** Instruction override: "ignore all previous instructions and …", in English and a few other languages. */
export const overridePatterns: PatternFamily = family('injection.override', 'words', [
  pattern(`\\b${IGNORE}\\b${otherGap(4)} ${PRIOR}${gap(2)} ${RULES}\\b`, 0.96, 'override: ignore prior instructions', [IGNORE_NEEDS, RULES_NEEDS]),
  pattern(`\\b${IGNORE}${gap(1)} (?:all|any|every|each)${gap(2)} ${RULES}\\b`, 0.9, 'override: ignore all instructions', [IGNORE_NEEDS, RULES_NEEDS]),
  pattern(`\\b${IGNORE} (?:all |of )*(?:your|its|the ai's|the assistant's|the model's) ${gap(1)}${RULES}\\b`, 0.88, 'override: ignore your instructions', [IGNORE_NEEDS, RULES_NEEDS]),
  pattern(`\\b${IGNORE} (?:all |of )*(?:the|these|those|any) ${RULES}\\b`, 0.6, 'override: ignore the rules', [IGNORE_NEEDS, RULES_NEEDS]),
  pattern(`\\b${IGNORE}\\b${otherGap(3)} (?:all|any|every|everything|whatever)${gap(2)} ${PRIOR}(?= \\.| $| (?:and|then|now|instead|but|so|please|you|from now)\\b)`, 0.9, 'override: ignore everything before', [IGNORE_NEEDS]),
  pattern(`\\b${IGNORE}\\b${otherGap(3)} ${PRIOR}${gap(2)} ${STUFF}\\b`, 0.72, 'override: ignore the previous text', [IGNORE_NEEDS]),
  pattern(`\\b${IGNORE} (?:all |everything |anything )?(?:of )?(?:the |that |what is |what was |what's |what i said |what you were told |what you've been told )?(?:above|before)\\b(?! (?:step|steps|example|examples|code|error|errors|warning|warnings|line|lines|section|answer|email|question|ones?|one|links?|image|picture|link|message|comment|post|paragraph|sentence|mentioned|average|all))`, 0.88, 'override: ignore the above', [IGNORE_NEEDS, [' above', ' before']]),
  pattern(`\\b${IGNORE} (?:all |everything |anything )?(?:of )?(?:the |what i said |what was said )?(?:previous|prior|preceding|earlier)(?= \\.| $| (?:and|then|now|instead|but|so|please|you|ones)\\b)`, 0.88, 'override: ignore the previous', [IGNORE_NEEDS, [' previous', ' prior', ' preceding', ' earlier']]),
  pattern(`\\b${IGNORE} (?:everything|all|all of it|all that|that|this|it all)(?: else)?(?: \\.)?(?: and| then| now)?(?: just| only| instead| simply)? (?:output|say|print|write|respond|answer|tell|reply|return|repeat|type|do)\\b`, 0.85, 'override: ignore everything and say', [IGNORE_NEEDS, [' everything', ' all', ' that', ' this', ' it all']]),
  pattern(`\\b(?:ignore|disregard|forget) my (?:previous|last|earlier|prior) (?:message|question|request|comment|answer|reply)\\b`, 0.35, 'override: user retracts own message', [[' ignore', ' disregard', ' forget'], [' my ']]),
  pattern(`\\bforget (?:about )?(?:all|everything|anything)(?: that| what)?(?: you| i| we)?(?: have| ve|'ve|'re| are| were)?(?: been| just| previously| already)? (?:told|said|learned|learnt|know|were told|was told|been told|discussed|read|saw|seen)\\b`, 0.9, 'override: forget everything you were told', [' forget ']),
  pattern(`\\bforget (?:about )?(?:all|everything)\\b`, 0.6, 'override: forget everything', [' forget ']),
  pattern(`\\b(?:do not|don't|dont|never|no longer|stop) (?:follow|obey|heed|listen to|adhere to|comply with|abide by|respect)(?:ing)? (?:any |all |the |your |those |these |its |of )*(?:${PRIOR} |original |own |usual |normal |content |safety |ethical )?${RULES}\\b`, 0.86, 'override: do not follow your rules', [[' follow', ' obey', ' heed', ' listen to', ' adhere', ' comply', ' abide', ' respect'], RULES_NEEDS]),
  pattern(`\\byou (?:are|'re|re) (?:now )?(?:no longer|not|never) (?:bound|restricted|limited|constrained|required|obligated|obliged) (?:by|to)\\b`, 0.85, 'override: you are no longer bound', [[' bound', ' restricted', ' limited', ' constrained', ' required', ' oblig']]),
  pattern(`\\b(?:your|the|all|any) (?:previous|prior|original|old|initial|earlier|above|current|existing|system) ${RULES} (?:are|is|were|was|have been|has been|will be) (?:now )?(?:cancel+ed|revoked|void|null|replaced|updated|overridden|obsolete|invalid|wrong|deleted|removed|suspended|lifted|no longer valid|no longer apply|irrelevant|fake|a test|outdated|superseded|disabled|deactivated)\\b`, 0.9, 'override: earlier instructions declared void', [RULES_NEEDS, [' cancel', ' revoked', ' void', ' null', ' replaced', ' updated', ' overridden', ' obsolete', ' invalid', ' wrong', ' deleted', ' removed', ' suspended', ' lifted', ' no longer', ' irrelevant', ' fake', ' a test', ' outdated', ' superseded', ' disabled', ' deactivated']]),
  pattern(`\\b(?:this|these|my|the following) (?:instructions?|message|command|request|prompt|rules?) (?:overrides?|supersedes?|takes? precedence over|has priority over|have priority over|replaces?|cancels?)\\b`, 0.9, 'override: this message supersedes', [[' overrid', ' supersede', ' precedence', ' priority', ' replace', ' cancel']]),
  pattern(`\\b(?:more|most) important than (?:your|the|any|all|my|its)?(?: \\w+)? (?:instructions?|rules|tasks?|guidelines|directives|programming)\\b`, 0.8, 'override: more important than your instructions', [' important than']),
  pattern(`\\byour (?:new|real|actual|true|updated|only|next) (?:instructions?|task|goal|objective|purpose|role|mission|job|directive|prompt) (?:is|are|will be|now is|from now on is)\\b`, 0.8, 'override: your new task is', [[' your new', ' your real', ' your actual', ' your true', ' your updated', ' your only', ' your next']]),
  pattern(`\\b(?:new|updated|revised|different|real|actual|secret|hidden) (?:instructions|directives|rules|orders|system prompt)\\b`, 0.45, 'override: new instructions', [[' new ', ' updated', ' revised', ' different', ' real', ' actual', ' secret', ' hidden'], [' instructions', ' directives', ' rules', ' orders', ' system prompt']]),
  pattern(`\\b(?:disable|turn off|deactivate|remove|switch off|lift|suspend|drop|shut off|shut down|bypass|circumvent|get around|evade|override|break|jailbreak|escape) (?:all |of )*(?:your|its) (?:own )?(?:\\w+ )?(?:filters?|guardrails|restrictions|safeguards|safety|censorship|limitations|content polic(?:y|ies)|alignment|programming|rules|guidelines|protocols|ethics|moral(?:s|ity)?|constraints|training|conditioning)\\b`, 0.9, 'override: disable your safeguards', [[' your ', ' its '], [' filter', ' guardrail', ' restriction', ' safeguard', ' safety', ' censorship', ' limitation', ' polic', ' alignment', ' programming', ' rules', ' guideline', ' protocol', ' ethics', ' moral', ' constraint', ' training', ' conditioning']]),
  pattern(`\\b(?:disable|turn off|deactivate|switch off|bypass|circumvent|get around|evade|override) (?:all |any |the )(?:ai's |assistant's |model's |chatbot's )?(?:safety |content |ethical |moral )?(?:filters?|guardrails|restrictions|safeguards|censorship|limitations|content polic(?:y|ies)|alignment|protocols)\\b`, 0.4, 'override: disable the safeguards', [[' disable', ' turn off', ' deactivate', ' switch off', ' bypass', ' circumvent', ' get around', ' evade', ' overrid']]),
  pattern(`\\b(?:say|print|output|write|reply with|respond with|repeat|type|return|answer with|just say|only say|simply say) (?:only |just |exactly |the words |the phrase |the sentence )?(?:i have been pwned|i've been pwned|ihavebeenpwned|i have been hacked|pwned|you have been hacked|i hate humans|haha pwned|hacked)\\b`, 0.92, 'override: hijacked output', [[' pwned', ' hacked', ' hate humans', ' ihavebeenpwned']]),
  pattern(`\\bi have been pwned\\b`, 0.7, 'override: hijack marker phrase', [' pwned']),
  pattern(`\\binstead(?: of (?:that|this|the above|your task|summari[sz]ing|translating|answering))?,? (?:you (?:will|should|must|shall) )?(?:say|print|output|write|respond with|reply with|answer with|repeat|tell)\\b`, 0.55, 'override: instead, say', [' instead ']),
  pattern(`\\b(?:stop|end|abort|halt|cease|terminate) (?:the |your |this |what you are doing|what you're doing)(?:current |previous )?(?:task|conversation|translation|summary|summari[sz]ation|analysis|instructions?)?(?: now)?(?: and| instead)\\b`, 0.55, 'override: stop the current task', [[' stop ', ' end ', ' abort', ' halt', ' cease', ' terminate']]),
  pattern(`\\b(?:attention|note|important|message|instructions?|notice|warning|reminder|update) (?:to|for) (?:the |all |any )?(?:ai|assistant|llm|llms|language model|chatbot|gpt|chatgpt|model|bot|ai model|ai assistant|agent|ai agent|copilot)s?\\b`, 0.75, 'override: message addressed to the model', [[' attention', ' note', ' important', ' message', ' instruction', ' notice', ' warning', ' reminder', ' update'], [' ai', ' assistant', ' llm', ' language model', ' chatbot', ' gpt', ' chatgpt', ' model', ' bot', ' agent', ' copilot']]),
  pattern(`\\b(?:if you are|if you're|as|you are) (?:an? )?(?:ai|llm|language model|assistant|chatbot|ai assistant|ai model|agent|gpt) (?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|seeing|viewing|browsing) (?:this|these|the)\\b`, 0.85, 'override: message addressed to a reading model', [[' reading', ' processing', ' summari', ' parsing', ' analy', ' seeing', ' viewing', ' browsing']]),
  pattern(`\\b(?:highest|top|maximum|absolute|utmost|overriding) priority\\b`, 0.3, 'override: priority claim', [' priority']),
  pattern(`\\b(?:drop|abandon|delete|erase|clear|remove|reset|change|replace|update|scrap|throw out|wipe|purge|rewrite) (?:all |of )*your (?:current |previous |existing |original |old )?(?:instructions|rules|programming|guidelines|directives|system prompt|prompt|restrictions|filters|training|memory)\\b`, 0.85, 'override: change your instructions', [[' your '], [' instructions', ' rules', ' programming', ' guidelines', ' directives', ' prompt', ' restrictions', ' filters', ' training', ' memory']]),
  pattern(`\\byour (?:instructions|task|job|goal|rules|programming|directive|purpose|mission|objective) (?:are|is) now\\b`, 0.85, 'override: your instructions are now', [' now ']),
  pattern(`\\b(?:leave|put|set|throw|cast|push)${gap(2)} (?:all |the |of )*(?:previous|prior|preceding|earlier|above|old|former) (?:information|instructions|tasks?|rules|context|messages?|text|input)${gap(1)} (?:behind|aside|away)\\b`, 0.85, 'override: leave previous instructions behind', [[' behind', ' aside', ' away']]),
  pattern(`\\b(?:remove|erase|clear|wipe|delete|purge|flush|banish|get)${gap(5)} (?:from|out of) your (?:head|mind|memory|brain|context)\\b`, 0.75, 'override: wipe your memory', [[' your '], [' head ', ' mind ', ' memory', ' brain', ' context']]),
  pattern(`\\b(?:now|here|next) (?:new|further|additional|more|other|the next|the following|some new) (?:instructions|tasks|task|orders|commands|directives) (?:follow|are followed|come|comes|are coming|will follow)\\b`, 0.8, 'override: new instructions follow', [[' follow', ' come']]),
  pattern(`\\b(?:despite|regardless of|contrary to|in spite of|notwithstanding|forgetting) (?:what|whatever|anything|everything) (?:you(?:'ve| have| were| re|'re)?|i|they|anyone|someone) (?:been |were |was |had )?(?:told|instructed|programmed|said|trained|taught|asked)\\b`, 0.8, 'override: despite what you were told', [[' despite', ' regardless', ' contrary', ' spite', ' notwithstanding', ' forgetting']]),
  pattern(`\\b(?:do not|don't|dont|never) (?:answer|respond to|reply to|address|look at|look in|read|use|consult|consider) (?:this|the|that|my|any|these|those) (?:question|query|request|prompt|documents?|articles?|context|sources|text|information)(?: provided| given| above)?(?: \\.)? (?:but|just|instead|only|rather|simply)\\b`, 0.8, 'override: do not answer, just output', [[' not ', "n't ", ' dont ', ' never '], [' but ', ' just ', ' instead ', ' only ', ' rather ', ' simply ']]),
  pattern(`\\b(?:i am|i'm|im|this is) (?:your|an|the|a) (?:developer|creator|programmer|admin|administrator|owner|operator|maker|master|supervisor|system administrator|openai (?:developer|employee|engineer)|developer at openai)\\b`, 0.55, 'override: claims authority over the model', [[' developer', ' creator', ' programmer', ' admin', ' owner', ' operator', ' maker', ' master', ' supervisor', ' openai']]),
  pattern(`\\b(?:openai|chatgpt|ai|your|the|these|any|those|normal|usual)(?:'s|s)? (?:rules|guidelines|policies|restrictions|filters|laws|limitations|ethics|morals) (?:don't|do not|doesn't|does not|no longer|won't|will not|never|shall not|cannot|can't) (?:apply|matter|exist|bind|count)\\b`, 0.85, 'override: the rules do not apply', [[' apply', ' matter', ' exist', ' bind', ' count']]),
  pattern(`\\b(?:every time|whenever|each time|anytime|any time) (?:you get|you receive|someone asks|i ask|you are asked|you're asked|you see|anyone asks)${gap(3)} (?:answer|respond|reply|say|output|print|write)(?: only)? (?:with|by saying|that)\\b`, 0.6, 'override: answer every question with', [[' time ', ' whenever']]),
  pattern(`\\b(?:answer|respond to|reply to) (?:every|all|each|any) (?:questions?|messages?|prompts?|requests?|inputs?)(?: \\w+){0,2} with\\b`, 0.55, 'override: answer every question with', [[' answer', ' respond', ' reply'], [' with ']]),
  // German, Croatian, Russian, French, Spanish, Italian, Portuguese, Dutch (diacritics dropped).
  pattern(`\\b${DE_IGNORE}\\b${gap(3)} ${DE_PRIOR}${gap(2)} ${DE_RULES}\\b`, 0.95, 'override (de): ignore previous instructions', [DE_IGNORE_NEEDS]),
  pattern(`\\b${DE_IGNORE}\\b${gap(3)} ${DE_RULES}\\b`, 0.82, 'override (de): ignore instructions', [DE_IGNORE_NEEDS]),
  pattern(`\\b(?:alle |die |deine |samtliche )?${DE_PRIOR} ${DE_RULES}${gap(2)} (?:ignorieren|vergessen|missachten|verwerfen|ignoriert|vergessen werden)\\b`, 0.9, 'override (de): previous instructions to be ignored', [[' ignorier', ' vergess', ' missacht', ' verwerf']]),
  pattern(`\\b(?:vergiss|vergesst|vergessen sie|ignoriere|ignorieren sie) (?:bitte )?(?:alles|alle|das)(?: was| bisher| bisherige| vorherige| davor| vorher| zuvor| oben| obige| gesagte| andere)\\b`, 0.9, 'override (de): forget everything before', [[' vergiss', ' vergess', ' ignorier']]),
  pattern(`\\b(?:vergiss|vergesst|vergessen sie) (?:bitte )?alles\\b`, 0.72, 'override (de): forget everything', [[' vergiss', ' vergess']]),
  pattern(`\\b(?:nun|jetzt|ab jetzt|hier) (?:folgt|folgen|kommt|kommen) (?:eine |die |deine |ein paar )?(?:neue|neuen|weitere|weiteren|nachste|wichtige|wichtigere) (?:anweisung|anweisungen|aufgabe|aufgaben|instruktion|instruktionen|befehle)\\b`, 0.85, 'override (de): new instructions follow', [[' folg', ' komm']]),
  pattern(`\\b(?:neue|deine neue|die neue) (?:anweisung|anweisungen|aufgabe|instruktion|instruktionen) (?:lautet|ist|sind|lauten)\\b`, 0.8, 'override (de): your new task is', [' neue ']),
  pattern(`\\b(?:abweichend|entgegen) (?:zu |von )?(?:den |allen )?(?:vorherigen|bisherigen|obigen|fruheren|ursprunglichen) (?:instruktionen|anweisungen|regeln|vorgaben|informationen)\\b`, 0.85, 'override (de): contrary to previous instructions', [[' abweichend', ' entgegen']]),
  pattern(`\\b(?:alle |die )?(?:vorherigen|bisherigen|obigen|fruheren|vorangegangenen) (?:informationen|anweisungen|instruktionen|aufgaben|regeln|vorgaben)(?: [^ .]+){0,6} (?:sind|waren|ist|war) (?:jetzt |nun |ab sofort )?(?:irrelevant|unwichtig|falsch|ungultig|hinfallig|veraltet|nicht (?:mehr|ganz|wichtig|relevant|gultig))\\b`, 0.85, 'override (de): previous instructions declared void', [[' vorherigen', ' bisherigen', ' obigen', ' fruheren', ' vorangegangenen']]),
  pattern(`\\bhore nicht (?:mehr )?auf (?:alles|die|deine)${gap(2)} (?:gesagte|gesagtes|anweisungen|instruktionen|regeln|vorgaben)\\b`, 0.85, 'override (de): do not listen to what was said', [' hore nicht']),
  pattern(`\\b(?:zaboravi|ignoriraj|zanemari) (?:sve |svoje |prethodne )*(?:instrukcije|upute|naredbe|pravila)\\b`, 0.9, 'override (hr): forget all instructions', [[' zaboravi', ' ignoriraj', ' zanemari']]),
  pattern(`(?:^| )(?:забудь|забудьте|игнорируи|игнорируите|проигнорируи|проигнорируите|не обращаи внимания на) (?:все |всё |свои |предыдущие |прошлые |прежние |эти )*(?:инструкции|указания|правила|команды|ограничения)`, 0.9, 'override (ru): forget all instructions', [[' забуд', ' игнор', ' проигнор', ' внимания']]),
  pattern(`\\b${FR_IGNORE}\\b${gap(3)} ${FR_RULES}${gap(2)} ${FR_PRIOR}\\b`, 0.95, 'override (fr): ignore previous instructions', [FR_IGNORE_NEEDS]),
  pattern(`\\b${FR_IGNORE} (?:toutes |tous )?(?:les |tes |vos |ces )${FR_RULES}\\b`, 0.82, 'override (fr): ignore the instructions', [FR_IGNORE_NEEDS]),
  pattern(`\\b(?:oublie|oubliez|oublions) (?:tout|toutes|tous)(?: ce| ca| le reste| ce qui| ce que|$| )`, 0.78, 'override (fr): forget everything', [' oubli']),
  pattern(`\\b${ES_IGNORE}\\b${gap(3)} ${ES_RULES}${gap(2)} ${ES_PRIOR}\\b`, 0.95, 'override (es): ignore previous instructions', [ES_IGNORE_NEEDS]),
  pattern(`\\b${ES_IGNORE} (?:todas |todos )?(?:las |tus |sus |estas |los )${ES_RULES}\\b`, 0.82, 'override (es): ignore the instructions', [ES_IGNORE_NEEDS]),
  pattern(`\\b(?:olvida|olvide|olviden|olvidar|olvidate de|olvidense de) (?:todo|todas|todos)(?: lo| que| anterior| eso|$| )`, 0.75, 'override (es): forget everything', [' olvid']),
  pattern(`\\b(?:ignora|ignorate|dimentica|dimenticate|trascura)\\b${gap(3)} (?:istruzioni|regole|indicazioni|direttive)${gap(2)} (?:precedenti|sopra|iniziali|originali|date)\\b`, 0.95, 'override (it): ignore previous instructions', [[' ignora', ' diment', ' trascur']]),
  pattern(`\\b(?:ignore|ignora|esqueca|esquece|esquecam|desconsidere|desconsidera)\\b${gap(3)} (?:instrucoes|regras|orientacoes|diretrizes|ordens)${gap(2)} (?:anteriores|acima|iniciais|previas|originais)\\b`, 0.95, 'override (pt): ignore previous instructions', [[' ignor', ' esque', ' desconsider']]),
  pattern(`\\b(?:negeer|vergeet)\\b${gap(3)} (?:vorige|eerdere|voorgaande|bovenstaande|oorspronkelijke)${gap(1)} (?:instructies|regels|opdrachten|aanwijzingen)\\b`, 0.95, 'override (nl): ignore previous instructions', [[' negeer', ' vergeet']]),
]);
