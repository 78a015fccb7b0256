// Entity-free training text. Every WikiANN sentence holds an entity, so without these the model
// rarely sees text with nothing to find and tags capitalised common words (German nouns, list
// items, headline words, imperatives opening a prompt). Three sources, all deterministic given
// the caller's seeded `random`:
//   - the stretches of WikiANN sentences between their entities (ordinary prose in four languages),
//   - entity-free sentences of the training files re-cased as headlines ("How To Fix A Flat Tyre"),
//   - hand-written chat-prompt shapes: instructions, option lists, labelled answers.
import type { Example } from './load-training-data.js';

/** The stretches of `ex` outside its entities with at least `minWords` words, as examples without spans. */
export function entityFreeStretches(ex: Example, minWords: number): Example[] {
  const out: Example[] = [];
  const cuts = [...ex.spans].sort((a, b) => a.start - b.start);
  let from = 0;
  for (let i = 0; i <= cuts.length; i++) {
    const to = i < cuts.length ? (cuts[i] as { start: number }).start : ex.text.length;
    const text = ex.text.slice(from, to).trim();
    if (text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= minWords) out.push({ text, spans: [], source: `${ex.source}:O` });
    if (i < cuts.length) from = Math.max(from, (cuts[i] as { end: number }).end);
  }
  return out;
}

/** "how to fix a flat tyre" -> "How To Fix A Flat Tyre" (same length, so offsets hold). */
export function titleCase(text: string): string {
  return text.replace(/(^|[\s"(-])(\p{Ll})/gu, (_, pre: string, c: string) => pre + (c.toUpperCase().length === 1 ? c.toUpperCase() : c));
}

// Capitalised words that open or fill chat prompts without naming anyone.
const LIST_WORDS = [
  'Formal', 'Informal', 'Assertive', 'Friendly', 'Casual', 'Polite', 'Rude', 'Neutral', 'Positive',
  'Negative', 'Mixed', 'Happy', 'Sad', 'Angry', 'Excited', 'Calm', 'Confident', 'Humble', 'Curious',
  'Professional', 'Persuasive', 'Sarcastic', 'Optimistic', 'Pessimistic', 'Serious', 'Funny', 'Formal tone',
  'True', 'False', 'Yes', 'No', 'Maybe', 'None', 'Agree', 'Disagree', 'Spam', 'Not spam', 'Fact',
  'Opinion', 'Noun', 'Verb', 'Adjective', 'Adverb', 'Pronoun', 'Easy', 'Medium', 'Hard', 'High',
  'Low', 'Small', 'Large', 'Red', 'Green', 'Blue', 'Yellow', 'Black', 'White', 'Sports', 'Politics',
  'Technology', 'Health', 'Finance', 'Entertainment', 'Science', 'Education', 'Travel', 'Food',
  'Fiction', 'Nonfiction', 'Poetry', 'History', 'Math', 'Physics', 'Chemistry', 'Biology', 'Art',
  'Music', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January',
  'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Spring', 'Summer', 'Autumn', 'Winter', 'Morning', 'Evening', 'Breakfast', 'Lunch',
  'Dinner', 'Pros', 'Cons', 'Step', 'Ingredients', 'Instructions', 'Summary', 'Conclusion',
  'Introduction', 'Background', 'Methods', 'Results', 'Discussion', 'Excel', 'Word', 'PowerPoint',
  'Python', 'JavaScript', 'SQL', 'HTML', 'CSS', 'JSON', 'API', 'CEO', 'CTO', 'Manager',
  'Engineer', 'Designer', 'Teacher', 'Student', 'Doctor', 'Nurse', 'Customer', 'User', 'Assistant',
];

const LABELS = ['Input', 'Output', 'Answer', 'Question', 'Example', 'Task', 'Note', 'Label', 'Sentence',
  'Text', 'Options', 'Category', 'Sentiment', 'Tone', 'Response', 'Title', 'Topic', 'Solution', 'Hint'];

const PROMPTS = [
  'Identify the main idea of the paragraph below.',
  'Classify the following sentence as Positive, Negative or Neutral.',
  'Generate a list of five questions about the text.',
  'Rewrite the sentence in a more Formal tone.',
  'Summarize the article in three sentences.',
  'Translate the text into French.',
  'Explain the difference between a Noun and a Verb.',
  'Write a short poem about Autumn.',
  'Please answer with Yes or No.',
  'Given a list of words, sort them alphabetically.',
  'Find the odd one out: Apple, Banana, Carrot, Grape.',
  'Create a Workout Plan for a Beginner.',
  'Suggest a catchy Title for the blog post.',
  'Returns the Sum of the two Numbers.',
  'Tell me a joke. Knock knock.',
  'Decide whether the Statement is True or False.',
  'Convert the table into JSON.',
  'Open Excel and select the Data tab.',
  'Sort the list in Descending Order.',
  'Describe the Pros and Cons of working from home.',
  'Thanks a lot! Have a great Weekend.',
  'Hello! How are you doing today?',
  'Sure, here is a Step by Step guide.',
  'Step 1: Preheat the oven. Step 2: Mix the Flour and Sugar.',
  'Dear Customer, your Order has shipped.',
  'Note: the Meeting moved to Monday Morning.',
  'Make a Shopping List for the Week.',
  'What is the Capital of this country?',
  'Is this Email Spam or Not spam?',
  'Fill in the Blank: The cat sat on the ___.',
];

/** Hand-written prompt shapes with capitalised words and no entity in them. */
export function chatNegatives(count: number, random: () => number): Example[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const list = (): string => {
    const n = 2 + Math.floor(random() * 4);
    const words = Array.from({ length: n }, () => pick(LIST_WORDS));
    const r = random();
    if (r < 0.4) return words.join(', ');
    if (r < 0.6) return words.map((w) => `- ${w}`).join('\n');
    if (r < 0.8) return words.map((w, i) => `${i + 1}. ${w}`).join('\n');
    return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] as string}`;
  };
  const out: Example[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    let text: string;
    if (r < 0.3) text = `${pick(PROMPTS)}\n${pick(LABELS)}: ${list()}`;
    else if (r < 0.5) text = `${pick(LABELS)}: ${list()}\n${pick(LABELS)}: ${pick(LIST_WORDS)}`;
    else if (r < 0.7) text = list();
    else if (r < 0.85) text = `${pick(PROMPTS)} ${pick(PROMPTS)}`;
    else text = titleCase(pick(PROMPTS));
    out.push({ text, spans: [], source: 'chat-negative' });
  }
  return out;
}
