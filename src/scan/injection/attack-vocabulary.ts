/**
 * Words whose presence tells plain English (and attack phrasing) from gibberish. Used to decide
 * whether a rot13 / leet / spaced-out reading of the text is the intended one: a reading is
 * plausible when it lands on these words and the surface form does not.
 */
const COMMON = `the be to of and a in that have it for not on with he as you do at this but his by from
they we say her she or an will my one all would there their what so up out if about who get which go me
when make can like time no just him know take people into year your good some could them see other than
then now look only come its over think also back after use two how our work first well way even new want
because any these give day most us is are was were been has had did said says should must may might shall
am being does done here where why very more much many such own same each every both few those again once
please tell write print show answer respond reply help need thanks thank hello dear yes sure okay
ignore ignoring disregard forget forgotten override bypass previous prior above earlier instructions
instruction prompt prompts system rules rule directions guidelines commands command orders task tasks
reveal secret password passwords confidential hidden private key keys token code codes admin administrator
developer mode jailbreak jailbroken unrestricted unfiltered uncensored restrictions filters filter policy
policies safety ethical ethics moral act pretend roleplay role character persona assistant model ai bot
chatbot language everything anything nothing something always never instead following follow obey output
repeat text words word message messages previous original initial real actual true false stop start begin
end document input user data email send sent link click password login account bank money transfer free
execute run command shell file delete remove access grant permission permissions now immediately urgent
important attention note warning must never again hacked pwned say said saying hacker hack attack
love hate like kill die dead death joke story poem song funny evil bad worst best great nice happy sad angry
woman women man men child children world country government president police money rich poor stupid idiot
i'm you're it's don't can't won't isn't what's let let's tell told ask asked question questions answer answers
read write wrote written speak talk talking chat chatgpt gpt assistant human humans person name call called
game play playing rules story character characters pretend imagine simulate scenario fiction fictional real
free open unlock unlocked enable enabled disable disabled turn off on yes no not none nobody everyone someone
here there where this that these those with without within into onto from about above below under over again
print display reveal repeat translate spell write letter letters character characters word words sentence line
secret secrets hidden key keys private public leak leaked share send give show tell list explain describe`;

/** Lower-case common English and attack words (membership only). */
export const ATTACK_VOCABULARY: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter((w) => w.length > 0));

/** Longest entry of `ATTACK_VOCABULARY`, the bound of the segmenter's look-ahead. */
export const LONGEST_VOCABULARY_WORD = Math.max(...[...ATTACK_VOCABULARY].map((w) => w.length));
