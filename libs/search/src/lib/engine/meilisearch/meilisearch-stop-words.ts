/**
 * Words Meilisearch ignores in queries and documents. Function words only:
 * articles, prepositions (simple and articulated), conjunctions, pronouns and
 * the forms of the auxiliaries. Words that carry meaning in this field stay
 * out even where generic lists have them: "non" ("non autosufficienza"),
 * "solo"/"soli" ("anziani soli"), "noi" ("dopo di noi", the law on life after
 * the parents), "casa", "fare", "tutti", "over" ("over 65"). The tokenizer
 * splits at apostrophes, so elided forms are listed without them ("l", "dell").
 */
export const ITALIAN_STOP_WORDS: readonly string[] = [
  // articles
  'il', 'lo', 'la', 'i', 'gli', 'le', 'l', 'un', 'uno', 'una',
  // simple and articulated prepositions
  'di', 'a', 'da', 'in', 'con', 'su', 'per', 'tra', 'fra',
  'del', 'dello', 'della', 'dei', 'degli', 'delle', 'dell',
  'al', 'allo', 'alla', 'ai', 'agli', 'alle', 'all',
  'dal', 'dallo', 'dalla', 'dai', 'dagli', 'dalle', 'dall',
  'nel', 'nello', 'nella', 'nei', 'negli', 'nelle', 'nell',
  'col', 'coi',
  'sul', 'sullo', 'sulla', 'sui', 'sugli', 'sulle', 'sull',
  // conjunctions
  'e', 'ed', 'o', 'od', 'ma', 'che', 'se', 'perché', 'perche', 'anche', 'oppure', 'quindi', 'però', 'pero', 'poi',
  // pronouns and determiners
  'io', 'tu', 'lui', 'lei', 'voi', 'loro', 'mi', 'ti', 'si', 'ci', 'vi', 'ne',
  'me', 'te', 'sé', 'questo', 'questa', 'questi', 'queste', 'quello', 'quella', 'quelli', 'quelle',
  'quale', 'quali', 'cui', 'chi', 'cosa', 'mio', 'mia', 'miei', 'mie', 'tuo', 'tua', 'suo', 'sua', 'suoi', 'sue',
  'nostro', 'nostra', 'nostri', 'nostre', 'vostro', 'vostra',
  // auxiliaries
  'è', 'sono', 'sei', 'siamo', 'siete', 'era', 'erano', 'essere', 'stato', 'stata', 'stati', 'state',
  'ho', 'hai', 'ha', 'abbiamo', 'avete', 'hanno', 'avere', 'aveva', 'avevano',
  // adverbs with no content
  'come', 'dove', 'quando', 'più', 'piu', 'molto', 'già', 'gia', 'ancora', 'così', 'cosi',
];

export const ENGLISH_STOP_WORDS: readonly string[] = [
  'a', 'an', 'the',
  'and', 'or', 'but', 'if', 'then', 'than', 'so', 'as',
  'of', 'in', 'on', 'at', 'to', 'from', 'by', 'with', 'about', 'into', 'for',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am',
  'has', 'have', 'had', 'do', 'does', 'did',
  'i', 'you', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'her', 'us', 'them',
  'my', 'your', 'his', 'its', 'our', 'their',
  'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'what',
  'there', 'here', 'how', 'when', 'where', 'why',
  'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'might',
];
