/**
 * The judged queries search is tuned and measured on (nDCG@10 per engine),
 * over the demo seed, as a newcomer without an account would search it.
 *
 * Keys name documents independently of database ids:
 * - `practice:<slug>`: a practice or story by its slug (the seed's titles give unique slugs);
 * - `thread:<slug>`: a thread by the slug of its title (`slugify(title)` of `@bottega/core`);
 * - `post:<thread slug>#<n>`: the n-th post of that thread by date, 1 being the opening post
 *   (graded through its thread, so only replies are graded as posts);
 * - `profile:<handle>`: a competence profile by its owner's handle;
 * - `exchange:<slug>`: a peer exchange by the slug of its title (its discussion thread is the thread of that title).
 *
 * Grades: 3 = exactly what the person wants, 2 = relevant, 1 = marginally
 * related; a document not listed is 0. Only what an anonymous reader may read
 * is graded: published practices and stories outside private and members-only
 * communities, threads and replies of public communities, public profiles,
 * peer exchanges out of draft in public communities.
 * `expectNone` lists what must never be returned to that reader (drafts,
 * practices in review, private and members-only content, hidden and
 * members-only profiles), typically the best matches of the query.
 */
export type RelevanceKey = `practice:${string}` | `thread:${string}` | `post:${string}` | `profile:${string}` | `exchange:${string}`;

export type RelevanceCategory = 'typo' | 'accent' | 'synonym' | 'inflection' | 'english' | 'territory' | 'question' | 'plain' | 'people';

export type RelevanceGrade = 1 | 2 | 3;

export interface RelevanceQuery {
  id: string;
  query: string;
  category: RelevanceCategory;
  filter?: { types?: ('Practice' | 'Thread' | 'Post' | 'Profile')[]; territoryCodes?: string[] };
  grades: Partial<Record<RelevanceKey, RelevanceGrade>>;
  expectNone?: RelevanceKey[];
}

/** Public practices and stories. */
const P = {
  custodi: 'practice:custodi-sociali-di-quartiere-un-presidio-leggero-per-gli-anziani-soli',
  ossola: 'practice:infermiere-di-famiglia-e-taxi-sociale-nelle-valli-dell-ossola',
  cascina: 'practice:agricoltura-sociale-la-cascina-che-forma-e-assume',
  emporio: 'practice:emporio-solidale-la-spesa-con-la-tessera-a-punti',
  educativaDiStrada: 'practice:educativa-di-strada-e-uno-spazio-giovani-gestito-dai-ragazzi',
  housingFirst: 'practice:housing-first-in-novara-a-flat-first-then-everything-else',
  caffeAlzheimer: 'practice:sollievo-ai-caregiver-familiari-caffe-alzheimer-e-ore-di-respiro',
  storiaRosa: 'practice:rosa-87-anni-e-il-custode-del-quinto-piano',
  storiaMartina: 'practice:martina-s-first-contract-grown-in-a-greenhouse',
  sportelloAssistenzaFamiliare: 'practice:sportello-per-l-assistenza-familiare-famiglie-e-assistenti-qualificate-si-incont',
  telefonoTerzaEta: 'practice:isolamento-sociale-nella-terza-eta-la-rete-telefonica-di-quartiere',
  nonniDigitali: 'practice:nonni-digitali-gli-studenti-insegnano-lo-smartphone-agli-over-70',
  scuolaCaregiver: 'practice:scuola-per-caregiver-formazione-per-chi-assiste-un-familiare-non-autosufficiente',
  storiaGiuseppe: 'practice:giuseppe-81-anni-e-la-telefonata-delle-nove',
  storiaIrina: 'practice:irina-vent-anni-di-lavoro-nelle-case-degli-altri',
  marketSolidale: 'practice:il-market-solidale-di-scampia-una-spesa-dignitosa-per-300-famiglie',
  eccedenze: 'practice:recupero-delle-eccedenze-alimentari-nei-mercati-storici-di-palermo',
  foodPantry: 'practice:a-neighbourhood-food-pantry-run-by-students-in-bologna',
  ristoranteSolidale: 'practice:dalla-mensa-al-ristorante-solidale-pasti-caldi-senza-fila',
  ortiScolastici: 'practice:orti-scolastici-e-mensa-a-chilometro-zero',
  agenziaCasa: 'practice:agenzia-sociale-per-la-locazione-alloggi-privati-sfitti-per-famiglie-a-basso-red',
  portineria: 'practice:portineria-di-quartiere-alla-bolognina',
  condominio: 'practice:condominio-solidale-spazi-comuni-e-vicinato-attivo-in-un-palazzo-erp',
  cantieriNeet: 'practice:cantieri-estivi-retribuiti-per-ragazzi-fuori-da-scuola-e-lavoro',
  consultaGiovani: 'practice:un-budget-vero-per-la-consulta-dei-giovani',
  codingClub: 'practice:a-coding-club-for-teenagers-in-barriera-di-milano',
  storiaKarim: 'practice:karim-dal-centro-d-accoglienza-al-forno-di-ballaro',
  italianoMamme: 'practice:italiano-per-mamme-straniere-con-la-baby-sitter-nella-stanza-accanto',
  tirociniRifugiati: 'practice:tirocini-in-azienda-per-ragazzi-rifugiati-e-richiedenti-asilo',
  mediatrici: 'practice:mediatrici-interculturali-nei-consultori-familiari',
  refugeeHosting: 'practice:family-to-family-hosting-of-refugees-in-turin',
  dopoDiNoi: 'practice:dopo-di-noi-tre-ragazzi-in-appartamento-con-l-educatore-serale',
  assistenzaPersonale: 'practice:assistenza-personale-autogestita-per-la-vita-indipendente',
  storiaMatteo: 'practice:matteo-27-anni-e-le-chiavi-di-casa',
  coprogrammazioneBergamo: 'practice:co-programmazione-dei-servizi-per-la-domiciliarita-con-il-comune-di-bergamo',
  pattiGiardini: 'practice:patti-di-collaborazione-per-i-giardini-di-quartiere',
  coprogettazioneGiovani: 'practice:co-progettazione-delle-politiche-giovanili-nell-ambito-di-lecco',
  coDesignPalermo: 'practice:co-designing-a-community-health-house-with-residents-in-palermo',
  bancaDelTempo: 'practice:banca-del-tempo-di-quartiere-un-ora-vale-un-ora',
  verdeCoopB: 'practice:manutenzione-del-verde-affidata-alle-cooperative-sociali-di-inserimento-lavorati',
  sartoria: 'practice:sartoria-sociale-donne-in-uscita-dalla-violenza-imparano-un-mestiere',
  cooperativaDiComunita: 'practice:cooperativa-di-comunita-in-alta-val-seriana-il-bar-l-emporio-e-la-navetta',
  crowdfundingFurgone: 'practice:crowdfunding-per-il-furgone-refrigerato-dell-emporio',
  lasciti: 'practice:donatori-regolari-e-lasciti-una-raccolta-fondi-che-non-dipende-dai-bandi',
  valutazioneEmporio: 'practice:valutare-l-impatto-sociale-di-un-emporio-indicatori-e-questionario-di-sicurezza',
  evaluationShoestring: 'practice:evaluation-on-a-shoestring-five-indicators-and-one-external-review',
  festivalCinema: 'practice:cinema-all-aperto-nei-cortili-un-festival-di-quartiere',
} as const satisfies Record<string, RelevanceKey>;

/** Threads of public communities. */
const T = {
  anzianiPiccoliComuni: 'thread:come-raggiungere-gli-anziani-soli-nei-piccoli-comuni',
  custodiPrimoAnno: 'thread:custodi-di-quartiere-cosa-abbiamo-imparato-nel-primo-anno',
  coprogrammazioneComune: 'thread:co-programmazione-con-il-comune-da-dove-partire',
  badante: 'thread:badante-per-una-signora-di-90-anni-a-chi-ci-rivolgiamo',
  agosto: 'thread:agosto-in-citta-chi-resta-solo-quando-tutti-partono',
  tablet: 'thread:tablet-agli-over-75-funziona-davvero',
  portinerie: 'thread:portinerie-di-quartiere-come-le-sostenete-dopo-la-fine-del-bando',
  vitaIndipendente: 'thread:vita-indipendente-e-dopo-di-noi-il-primo-anno-in-appartamento',
  emporioOMarket: 'thread:emporio-solidale-o-market-solidale-che-differenza-c-e',
  eccedenzeMercati: 'thread:recupero-delle-eccedenze-ai-mercati-rionali',
  foodBank: 'thread:how-do-you-run-a-food-bank-with-volunteers-only',
  italianoMamme: 'thread:corsi-di-italiano-per-mamme-straniere-con-i-bambini-in-sala-accanto',
  tirociniAsilo: 'thread:tirocini-per-richiedenti-asilo-chi-ha-un-modello-di-convenzione',
  cooperativeTipoB: 'thread:cooperative-sociali-di-tipo-b-e-affidamenti-riservati-esperienze-con-i-comuni',
  mensaRistorante: 'thread:mensa-o-ristorante-solidale-cambiare-il-modo-di-servire-i-pasti',
  neet: 'thread:come-coinvolgere-i-ragazzi-che-non-studiano-e-non-lavorano',
  consulte: 'thread:consulte-dei-giovani-come-evitare-che-restino-di-facciata',
  servizioCivile: 'thread:servizio-civile-nei-progetti-di-welfare-pro-e-contro',
  digitalSkills: 'thread:digital-skills-for-teenagers-from-migrant-families-any-programme-that-worked',
  crowdfunding: 'thread:crowdfunding-civico-quale-piattaforma-e-quanto-trattiene',
  indicatoriEmporio: 'thread:quali-indicatori-per-valutare-un-emporio-solidale',
  teoriaCambiamento: 'thread:teoria-del-cambiamento-per-un-bando-di-fondazione-da-dove-si-comincia',
  sroi: 'thread:sroi-si-o-no-quanto-costa-misurare',
  coprogettazioneDopo: 'thread:co-progettazione-dopo-la-co-programmazione-durata-e-rendicontazione',
  bancaDelTempo: 'thread:banca-del-tempo-in-quartiere-si-puo-rilanciare',
} as const satisfies Record<string, `thread:${string}`>;

/** Public competence profiles. */
const U = {
  chiara: 'profile:chiara-colombo',
  marco: 'profile:marco-bianchi',
  luca: 'profile:luca-sala',
  sara: 'profile:sara-esposito',
  davide: 'profile:davide-russo',
  giulia: 'profile:giulia-marchetti',
  francesca: 'profile:francesca-gallo',
} as const satisfies Record<string, RelevanceKey>;

/** Peer exchanges of public communities, and their discussion threads (the exchange's description opens them). */
const E = {
  custodiVisit: 'exchange:visita-ai-custodi-di-quartiere-di-milano-nord',
  fundraising: 'exchange:laboratorio-raccolta-fondi-di-comunita-per-i-living-lab',
  webinar: 'exchange:webinar-infermiere-di-famiglia-e-taxi-sociale-nelle-valli',
  novara: 'exchange:visita-all-emporio-solidale-di-novara',
  peerReview: 'exchange:peer-review-l-infermiere-di-comunita-in-ossola',
} as const satisfies Record<string, RelevanceKey>;

function discussion(exchange: `exchange:${string}`): `thread:${string}` {
  return `thread:${exchange.slice('exchange:'.length)}`;
}

/** What an anonymous reader must never get: drafts, in review, private or members-only communities, hidden or members-only profiles. */
const HIDDEN = {
  espInReview: 'practice:esperti-per-esperienza-esp-nei-servizi-di-salute-mentale',
  coabitazioneMembersOnly: 'practice:coabitazione-solidale-tra-anziane-in-un-alloggio-acer',
  coabitazioneThreadMembersOnly: 'thread:coabitazione-tra-anziani-la-prima-casa-condivisa-a-bologna',
  agenziaThreadMembersOnly: 'thread:agenzia-sociale-per-la-casa-che-garanzie-date-ai-proprietari',
  pianoEstateDraft: 'practice:piano-estate-per-gli-anziani-soli-telefonate-e-sale-fresche',
  bancaDelTempoDraft: 'practice:una-banca-del-tempo-digitale-per-le-famiglie-della-val-seriana',
  mammeMarketDraft: 'practice:le-mamme-del-market-solidale',
  fundraisingPrivate: 'practice:piano-di-raccolta-fondi-per-il-dopo-progetto-dei-living-lab',
  valutazioneIntermediaPrivate: 'practice:valutazione-intermedia-dei-living-lab-cosa-tenere-e-cosa-chiudere',
  budgetThreadPrivate: 'thread:budget-2027-e-rendicontazione-alla-fondazione',
  padriSeparatiMembersOnly: 'practice:alloggi-temporanei-per-padri-separati-con-figli',
  elenaMembersOnly: 'profile:elena-ferri',
  annaMembersOnly: 'profile:anna-ricci',
  robertoHidden: 'profile:roberto-fontana',
} as const satisfies Record<string, RelevanceKey>;

/** The n-th post of a thread (1 is the opening post). */
function post(thread: `thread:${string}`, position: number): `post:${string}` {
  return `post:${thread.slice('thread:'.length)}#${position}`;
}

/** The older people living alone that the newcomer searches for, whichever words the query uses. */
const OLDER_PEOPLE_ALONE: RelevanceQuery['grades'] = {
  [P.custodi]: 3,
  [P.telefonoTerzaEta]: 3,
  [T.anzianiPiccoliComuni]: 3,
  [P.storiaRosa]: 2,
  [P.storiaGiuseppe]: 2,
  [P.ossola]: 2,
  [T.agosto]: 2,
  [T.custodiPrimoAnno]: 2,
  [post(T.anzianiPiccoliComuni, 2)]: 2,
  [U.chiara]: 2,
  [P.ristoranteSolidale]: 1,
  [P.portineria]: 1,
  [P.nonniDigitali]: 1,
  [P.coprogrammazioneBergamo]: 1,
  [T.tablet]: 1,
  [U.luca]: 1,
  [post(T.anzianiPiccoliComuni, 3)]: 1,
  [post(T.anzianiPiccoliComuni, 4)]: 1,
  [post(T.agosto, 2)]: 1,
  [E.custodiVisit]: 2,
  [discussion(E.custodiVisit)]: 1,
  [E.webinar]: 1,
};

const SOCIAL_COOPERATIVES: RelevanceQuery['grades'] = {
  [P.verdeCoopB]: 3,
  [T.cooperativeTipoB]: 3,
  [P.cascina]: 2,
  [P.sartoria]: 2,
  [U.marco]: 2,
  [post(T.cooperativeTipoB, 2)]: 2,
  [post(T.cooperativeTipoB, 3)]: 1,
  [P.storiaMartina]: 1,
  [P.educativaDiStrada]: 1,
  [P.housingFirst]: 1,
  [P.ristoranteSolidale]: 1,
  [P.portineria]: 1,
  [P.caffeAlzheimer]: 1,
};

const SOLIDARITY_GROCERIES: RelevanceQuery['grades'] = {
  [P.emporio]: 3,
  [P.marketSolidale]: 3,
  [T.emporioOMarket]: 3,
  [P.crowdfundingFurgone]: 2,
  [P.valutazioneEmporio]: 2,
  [P.foodPantry]: 2,
  [T.indicatoriEmporio]: 2,
  [post(T.emporioOMarket, 2)]: 2,
  [post(T.emporioOMarket, 3)]: 1,
  [post(T.crowdfunding, 2)]: 1,
  [P.cascina]: 1,
  [T.crowdfunding]: 1,
  [U.sara]: 1,
  [E.novara]: 2,
  [discussion(E.novara)]: 1,
};

const IMPACT_EVALUATION: RelevanceQuery['grades'] = {
  [P.valutazioneEmporio]: 3,
  [P.evaluationShoestring]: 3,
  [U.giulia]: 3,
  [T.indicatoriEmporio]: 2,
  [T.sroi]: 2,
  [T.teoriaCambiamento]: 1,
  [post(T.indicatoriEmporio, 3)]: 1,
  [post(T.sroi, 2)]: 1,
  [post(T.sroi, 3)]: 1,
  [U.marco]: 1,
  [U.luca]: 1,
};

const CO_PROGRAMMING: RelevanceQuery['grades'] = {
  [P.coprogrammazioneBergamo]: 3,
  [T.coprogrammazioneComune]: 3,
  [U.francesca]: 3,
  [P.coprogettazioneGiovani]: 2,
  [T.coprogettazioneDopo]: 2,
  [U.marco]: 2,
  [post(T.coprogrammazioneComune, 2)]: 2,
  [post(T.coprogrammazioneComune, 3)]: 1,
  [post(T.coprogettazioneDopo, 2)]: 1,
  [post(T.coprogettazioneDopo, 3)]: 1,
  [U.chiara]: 1,
};

const FAMILY_CARERS: RelevanceQuery['grades'] = {
  [P.caffeAlzheimer]: 3,
  [P.scuolaCaregiver]: 3,
  [U.chiara]: 2,
  [U.francesca]: 1,
  [P.sportelloAssistenzaFamiliare]: 1,
  [P.coprogrammazioneBergamo]: 1,
  [T.badante]: 1,
};

const INDEPENDENT_LIVING: RelevanceQuery['grades'] = {
  [P.dopoDiNoi]: 3,
  [P.assistenzaPersonale]: 3,
  [T.vitaIndipendente]: 3,
  [P.storiaMatteo]: 2,
  [post(T.vitaIndipendente, 3)]: 2,
  [post(T.vitaIndipendente, 2)]: 1,
  [post(T.servizioCivile, 2)]: 1,
};

const ELDERLY_IN_LOMBARDY: RelevanceQuery['grades'] = {
  [P.custodi]: 3,
  [P.telefonoTerzaEta]: 3,
  [P.caffeAlzheimer]: 2,
  [P.storiaRosa]: 2,
  [P.scuolaCaregiver]: 2,
  [P.coprogrammazioneBergamo]: 2,
  [P.sportelloAssistenzaFamiliare]: 2,
  [T.custodiPrimoAnno]: 2,
  [T.agosto]: 2,
  [T.badante]: 2,
  [post(T.badante, 2)]: 2,
  [U.chiara]: 2,
  [P.storiaIrina]: 1,
  [P.ristoranteSolidale]: 1,
  [P.condominio]: 1,
  [post(T.custodiPrimoAnno, 2)]: 1,
  [post(T.custodiPrimoAnno, 3)]: 1,
  [post(T.agosto, 2)]: 1,
  [U.francesca]: 1,
  [E.custodiVisit]: 2,
  [discussion(E.custodiVisit)]: 1,
};

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  // Typos: a letter swapped, dropped or doubled.
  { id: 'typo-anzaini-soli', query: 'anzaini soli', category: 'typo', grades: OLDER_PEOPLE_ALONE },
  { id: 'typo-cooperativa-socilae', query: 'cooperativa socilae', category: 'typo', grades: SOCIAL_COOPERATIVES },
  { id: 'typo-emporio-solidalle', query: 'emporio solidalle', category: 'typo', grades: SOLIDARITY_GROCERIES, expectNone: [HIDDEN.elenaMembersOnly] },
  { id: 'typo-carregiver', query: 'carregiver familiari', category: 'typo', grades: FAMILY_CARERS },
  {
    id: 'typo-banca-del-tenpo',
    query: 'banca del tenpo',
    category: 'typo',
    grades: { [P.bancaDelTempo]: 3, [T.bancaDelTempo]: 3, [post(T.bancaDelTempo, 2)]: 2, [post(T.bancaDelTempo, 3)]: 2 },
    expectNone: [HIDDEN.bancaDelTempoDraft],
  },
  { id: 'typo-valutazone', query: "valutazone d'impatto", category: 'typo', grades: IMPACT_EVALUATION, expectNone: [HIDDEN.valutazioneIntermediaPrivate] },

  // Accents left out, as on a phone keyboard.
  { id: 'accent-cooperativa-di-comunita', query: 'cooperativa di comunita', category: 'accent', grades: { [P.cooperativaDiComunita]: 3 } },
  {
    id: 'accent-citta-agosto',
    query: 'anziani in citta ad agosto',
    category: 'accent',
    grades: { [T.agosto]: 3, [post(T.agosto, 2)]: 2, [post(T.agosto, 3)]: 1, [P.custodi]: 1, [P.telefonoTerzaEta]: 1 },
    expectNone: [HIDDEN.pianoEstateDraft],
  },
  {
    id: 'accent-poverta-alimentare',
    query: 'poverta alimentare',
    category: 'accent',
    grades: {
      [P.marketSolidale]: 3,
      [P.emporio]: 3,
      [P.eccedenze]: 2,
      [P.foodPantry]: 2,
      [P.ristoranteSolidale]: 2,
      [P.valutazioneEmporio]: 2,
      [T.emporioOMarket]: 2,
      [T.eccedenzeMercati]: 2,
      [T.mensaRistorante]: 2,
      [T.foodBank]: 1,
      [T.indicatoriEmporio]: 1,
      [P.crowdfundingFurgone]: 1,
      [U.sara]: 1,
      [U.davide]: 1,
      [E.novara]: 1,
    },
  },
  { id: 'accent-disabilita', query: 'disabilita vita indipendente', category: 'accent', grades: INDEPENDENT_LIVING, expectNone: [HIDDEN.annaMembersOnly] },
  {
    id: 'accent-terza-eta',
    query: 'terza eta isolamento',
    category: 'accent',
    grades: {
      [P.telefonoTerzaEta]: 3,
      [P.custodi]: 2,
      [P.storiaGiuseppe]: 2,
      [T.anzianiPiccoliComuni]: 2,
      [P.storiaRosa]: 1,
      [P.ossola]: 1,
      [T.agosto]: 1,
      [E.custodiVisit]: 1,
    },
  },
  {
    id: 'accent-domiciliarita',
    query: 'domiciliarita',
    category: 'accent',
    grades: { [P.coprogrammazioneBergamo]: 3, [U.francesca]: 2, [P.ossola]: 1, [P.caffeAlzheimer]: 1, [P.sportelloAssistenzaFamiliare]: 1, [E.webinar]: 1, [E.peerReview]: 1 },
  },

  // Synonyms: the best document does not use the query's word.
  {
    id: 'synonym-badante',
    query: 'badante',
    category: 'synonym',
    grades: {
      [P.sportelloAssistenzaFamiliare]: 3,
      [T.badante]: 3,
      [post(T.badante, 2)]: 3,
      [P.storiaIrina]: 2,
      [post(T.badante, 3)]: 1,
      [post(T.badante, 4)]: 1,
      [U.francesca]: 1,
      [P.caffeAlzheimer]: 1,
      [P.scuolaCaregiver]: 1,
    },
  },
  {
    id: 'synonym-solitudine-anziani',
    query: 'solitudine anziani',
    category: 'synonym',
    grades: {
      [P.telefonoTerzaEta]: 3,
      [P.custodi]: 3,
      [P.storiaGiuseppe]: 3,
      [T.agosto]: 3,
      [T.anzianiPiccoliComuni]: 2,
      [P.storiaRosa]: 2,
      [P.ossola]: 1,
      [P.ristoranteSolidale]: 1,
      [U.chiara]: 1,
      [E.custodiVisit]: 2,
      [discussion(E.custodiVisit)]: 1,
    },
  },
  { id: 'synonym-market-solidale', query: 'market solidale', category: 'synonym', grades: SOLIDARITY_GROCERIES, expectNone: [HIDDEN.mammeMarketDraft] },
  {
    id: 'synonym-fame',
    query: 'fame',
    category: 'synonym',
    grades: {
      [P.emporio]: 3,
      [P.marketSolidale]: 3,
      [P.ristoranteSolidale]: 2,
      [P.eccedenze]: 2,
      [P.foodPantry]: 2,
      [P.valutazioneEmporio]: 1,
      [T.emporioOMarket]: 1,
      [T.eccedenzeMercati]: 1,
      [T.mensaRistorante]: 1,
      [E.novara]: 1,
    },
  },
  {
    id: 'synonym-portierato-sociale',
    query: 'portierato sociale',
    category: 'synonym',
    grades: {
      [P.portineria]: 3,
      [T.portinerie]: 3,
      [P.custodi]: 2,
      [P.storiaRosa]: 1,
      [P.condominio]: 1,
      [post(T.portinerie, 2)]: 1,
      [post(T.bancaDelTempo, 2)]: 1,
      [U.chiara]: 1,
      [E.custodiVisit]: 2,
      [discussion(E.custodiVisit)]: 1,
    },
  },
  {
    id: 'synonym-cohousing-anziani',
    query: 'cohousing anziani',
    category: 'synonym',
    grades: { [P.condominio]: 1, [P.portineria]: 1 },
    expectNone: [HIDDEN.coabitazioneMembersOnly, HIDDEN.coabitazioneThreadMembersOnly],
  },
  { id: 'synonym-senzatetto', query: 'senzatetto', category: 'synonym', grades: { [P.housingFirst]: 3, [P.agenziaCasa]: 1 }, expectNone: [HIDDEN.elenaMembersOnly] },
  {
    id: 'synonym-neet',
    query: 'neet',
    category: 'synonym',
    grades: {
      [P.cantieriNeet]: 3,
      [T.neet]: 3,
      [post(T.neet, 2)]: 2,
      [post(T.neet, 4)]: 2,
      [post(T.neet, 3)]: 1,
      [post(T.neet, 5)]: 1,
      [P.educativaDiStrada]: 1,
      [U.sara]: 1,
    },
  },

  // Inflections: plural for singular, feminine for masculine.
  { id: 'inflection-cooperative-sociali', query: 'cooperative sociali inserimento lavorativo', category: 'inflection', grades: { ...SOCIAL_COOPERATIVES, [P.cascina]: 3, [P.tirociniRifugiati]: 1, [P.cantieriNeet]: 1 } },
  {
    id: 'inflection-tirocinio-rifugiato',
    query: 'tirocinio rifugiato',
    category: 'inflection',
    grades: {
      [P.tirociniRifugiati]: 3,
      [T.tirociniAsilo]: 3,
      [post(T.tirociniAsilo, 2)]: 2,
      [post(T.tirociniAsilo, 3)]: 2,
      [P.storiaKarim]: 2,
      [P.refugeeHosting]: 1,
      [U.davide]: 1,
    },
  },
  {
    id: 'inflection-volontario-autista',
    query: 'volontario autista',
    category: 'inflection',
    grades: { [P.ossola]: 3, [post(T.anzianiPiccoliComuni, 2)]: 1, [post(T.agosto, 3)]: 1, [P.emporio]: 1, [E.webinar]: 2, [discussion(E.webinar)]: 1 },
  },
  {
    id: 'inflection-educatori-di-strada',
    query: 'educatori di strada',
    category: 'inflection',
    grades: {
      [P.educativaDiStrada]: 3,
      [P.cantieriNeet]: 2,
      [P.coprogettazioneGiovani]: 2,
      [T.neet]: 2,
      [post(T.neet, 2)]: 2,
      [U.marco]: 1,
    },
  },
  {
    id: 'inflection-mediatrice-culturale',
    query: 'mediatrice culturale',
    category: 'inflection',
    grades: {
      [P.italianoMamme]: 3,
      [P.mediatrici]: 3,
      [T.italianoMamme]: 2,
      [post(T.italianoMamme, 3)]: 2,
      [post(T.italianoMamme, 2)]: 1,
      [U.davide]: 2,
    },
  },
  {
    id: 'inflection-anziana-sola',
    query: 'anziana sola',
    category: 'inflection',
    grades: {
      [P.storiaRosa]: 3,
      [P.custodi]: 2,
      [P.telefonoTerzaEta]: 2,
      [P.storiaGiuseppe]: 2,
      [T.anzianiPiccoliComuni]: 2,
      [T.agosto]: 1,
      [E.custodiVisit]: 1,
    },
  },

  // English queries for Italian content (and the few English records).
  {
    id: 'english-food-bank',
    query: 'food bank',
    category: 'english',
    grades: {
      [P.foodPantry]: 3,
      [T.foodBank]: 3,
      [P.emporio]: 2,
      [P.marketSolidale]: 2,
      [post(T.foodBank, 2)]: 2,
      [post(T.foodBank, 3)]: 1,
      [P.eccedenze]: 1,
      [P.valutazioneEmporio]: 1,
      [T.emporioOMarket]: 1,
      [E.novara]: 1,
    },
  },
  { id: 'english-elderly-loneliness', query: 'elderly loneliness', category: 'english', grades: OLDER_PEOPLE_ALONE },
  { id: 'english-family-carers', query: 'support for family carers', category: 'english', grades: FAMILY_CARERS },
  { id: 'english-social-cooperative', query: 'work integration social cooperative', category: 'english', grades: { ...SOCIAL_COOPERATIVES, [P.cascina]: 3 } },
  {
    id: 'english-time-bank',
    query: 'time bank',
    category: 'english',
    grades: { [P.bancaDelTempo]: 3, [T.bancaDelTempo]: 3, [post(T.bancaDelTempo, 2)]: 1, [post(T.bancaDelTempo, 3)]: 1 },
    expectNone: [HIDDEN.bancaDelTempoDraft],
  },
  { id: 'english-co-programming', query: 'co-programming with the municipality', category: 'english', grades: CO_PROGRAMMING },
  { id: 'english-impact-evaluation', query: 'social impact evaluation indicators', category: 'english', grades: IMPACT_EVALUATION, expectNone: [HIDDEN.valutazioneIntermediaPrivate] },
  { id: 'english-independent-living', query: 'independent living disability', category: 'english', grades: INDEPENDENT_LIVING, expectNone: [HIDDEN.annaMembersOnly] },

  // Territory words in the query, or a territory filter (a province finds its districts).
  { id: 'territory-anziani-lombardia', query: 'anziani Lombardia', category: 'territory', grades: ELDERLY_IN_LOMBARDY },
  { id: 'territory-filter-lombardia', query: 'anziani', category: 'territory', filter: { territoryCodes: ['IT-25'] }, grades: ELDERLY_IN_LOMBARDY },
  { id: 'territory-lombardia-co-programmazione', query: 'Lombardia co-programmazione', category: 'territory', grades: CO_PROGRAMMING },
  {
    id: 'territory-giovani-napoli',
    query: 'giovani Napoli',
    category: 'territory',
    grades: { [P.cantieriNeet]: 3, [T.neet]: 3, [U.sara]: 2, [post(T.neet, 5)]: 2, [post(T.neet, 2)]: 1, [post(T.neet, 4)]: 1 },
  },
  {
    id: 'territory-migranti-palermo',
    query: 'migranti Palermo',
    category: 'territory',
    grades: { [P.italianoMamme]: 3, [P.storiaKarim]: 3, [T.italianoMamme]: 3, [U.davide]: 3, [post(T.italianoMamme, 3)]: 2, [post(T.italianoMamme, 2)]: 1 },
  },
  {
    id: 'territory-quartiere-bologna',
    query: 'servizi di quartiere Bologna',
    category: 'territory',
    grades: {
      [P.portineria]: 3,
      [T.portinerie]: 3,
      [P.pattiGiardini]: 2,
      [P.consultaGiovani]: 1,
      [P.foodPantry]: 1,
      [post(T.portinerie, 2)]: 1,
      [post(T.portinerie, 3)]: 1,
      [post(T.portinerie, 4)]: 1,
    },
    expectNone: [HIDDEN.coabitazioneMembersOnly, HIDDEN.pianoEstateDraft],
  },
  {
    id: 'territory-casa-torino',
    query: 'casa Torino',
    category: 'territory',
    grades: { [P.agenziaCasa]: 3, [P.dopoDiNoi]: 2, [P.refugeeHosting]: 2, [P.storiaMatteo]: 1, [T.vitaIndipendente]: 1 },
    expectNone: [HIDDEN.agenziaThreadMembersOnly, HIDDEN.annaMembersOnly],
  },
  {
    id: 'territory-filter-brescia',
    query: 'anziani soli',
    category: 'territory',
    filter: { territoryCodes: ['IT-BS'] },
    grades: { [P.telefonoTerzaEta]: 3 },
    expectNone: [HIDDEN.padriSeparatiMembersOnly, HIDDEN.robertoHidden],
  },

  // Questions as people type them.
  {
    id: 'question-coinvolgere-giovani',
    query: 'come coinvolgere i giovani del quartiere?',
    category: 'question',
    grades: {
      [T.neet]: 3,
      [P.educativaDiStrada]: 3,
      [P.consultaGiovani]: 3,
      [T.consulte]: 2,
      [P.cantieriNeet]: 2,
      [P.coprogettazioneGiovani]: 2,
      [post(T.neet, 2)]: 2,
      [post(T.neet, 4)]: 1,
      [post(T.consulte, 2)]: 1,
      [U.marco]: 1,
      [U.sara]: 1,
      [T.servizioCivile]: 1,
      [P.festivalCinema]: 1,
    },
  },
  {
    id: 'question-contratto-badante',
    query: 'come faccio il contratto alla badante?',
    category: 'question',
    grades: { [P.sportelloAssistenzaFamiliare]: 3, [T.badante]: 3, [post(T.badante, 2)]: 3, [post(T.badante, 3)]: 2, [P.storiaIrina]: 1, [U.francesca]: 1 },
  },
  {
    id: 'question-aprire-emporio',
    query: 'come aprire un emporio solidale?',
    category: 'question',
    grades: {
      [P.emporio]: 3,
      [P.marketSolidale]: 3,
      [T.emporioOMarket]: 2,
      [post(T.emporioOMarket, 2)]: 2,
      [P.foodPantry]: 2,
      [T.foodBank]: 2,
      [post(T.foodBank, 2)]: 2,
      [U.sara]: 2,
      [P.crowdfundingFurgone]: 1,
      [P.valutazioneEmporio]: 1,
      [E.novara]: 2,
      [discussion(E.novara)]: 1,
    },
    expectNone: [HIDDEN.mammeMarketDraft, HIDDEN.elenaMembersOnly],
  },
  {
    id: 'question-dopo-il-bando',
    query: 'come finanziare un servizio dopo la fine del bando?',
    category: 'question',
    grades: {
      [P.lasciti]: 3,
      [T.portinerie]: 3,
      [P.crowdfundingFurgone]: 2,
      [T.crowdfunding]: 2,
      [post(T.portinerie, 2)]: 2,
      [post(T.portinerie, 3)]: 2,
      [post(T.portinerie, 4)]: 2,
      [post(T.custodiPrimoAnno, 3)]: 2,
      [U.sara]: 2,
      [P.portineria]: 1,
      [P.evaluationShoestring]: 1,
      [U.marco]: 1,
      [E.fundraising]: 3,
      [discussion(E.fundraising)]: 2,
      [E.peerReview]: 2,
      [discussion(E.peerReview)]: 1,
    },
    expectNone: [HIDDEN.fundraisingPrivate, HIDDEN.budgetThreadPrivate],
  },
  {
    id: 'question-anziani-che-non-chiedono',
    query: 'come trovare gli anziani che non chiedono aiuto?',
    category: 'question',
    grades: {
      [T.anzianiPiccoliComuni]: 3,
      [post(T.anzianiPiccoliComuni, 2)]: 3,
      [P.custodi]: 3,
      [P.telefonoTerzaEta]: 2,
      [P.ossola]: 2,
      [post(T.anzianiPiccoliComuni, 3)]: 2,
      [post(T.anzianiPiccoliComuni, 4)]: 2,
      [P.storiaRosa]: 1,
      [P.storiaGiuseppe]: 1,
    },
  },
  {
    id: 'question-indicatori',
    query: 'quali indicatori usare per valutare un progetto?',
    category: 'question',
    grades: {
      [T.indicatoriEmporio]: 3,
      [P.valutazioneEmporio]: 3,
      [P.evaluationShoestring]: 3,
      [T.sroi]: 2,
      [T.teoriaCambiamento]: 2,
      [U.giulia]: 2,
      [post(T.indicatoriEmporio, 3)]: 2,
      [post(T.sroi, 2)]: 2,
      [post(T.indicatoriEmporio, 2)]: 1,
      [U.luca]: 1,
    },
    expectNone: [HIDDEN.valutazioneIntermediaPrivate],
  },
  {
    id: 'question-start-food-bank',
    query: 'how do I start a food bank with volunteers?',
    category: 'question',
    grades: { [T.foodBank]: 3, [P.foodPantry]: 3, [post(T.foodBank, 2)]: 2, [post(T.foodBank, 3)]: 2, [P.emporio]: 1, [P.marketSolidale]: 1, [P.eccedenze]: 1 },
  },
  {
    id: 'question-tablet-anziani',
    query: 'servono i tablet per gli anziani?',
    category: 'question',
    grades: { [T.tablet]: 3, [P.nonniDigitali]: 3, [post(T.tablet, 2)]: 2, [post(T.tablet, 3)]: 1, [U.luca]: 1 },
  },
  {
    id: 'question-estate-anziani-soli',
    query: "cosa fare d'estate per gli anziani soli?",
    category: 'question',
    grades: { [T.agosto]: 3, [post(T.agosto, 2)]: 2, [post(T.agosto, 3)]: 1, [P.custodi]: 1, [P.telefonoTerzaEta]: 1 },
    expectNone: [HIDDEN.pianoEstateDraft],
  },

  // Plain searches in the records' own words.
  {
    id: 'plain-taxi-sociale',
    query: 'taxi sociale',
    category: 'plain',
    grades: { [P.ossola]: 3, [U.luca]: 2, [P.emporio]: 1, [P.evaluationShoestring]: 1, [post(T.anzianiPiccoliComuni, 2)]: 1, [post(T.agosto, 3)]: 1, [E.webinar]: 2, [discussion(E.webinar)]: 1 },
  },
  { id: 'plain-housing-first', query: 'housing first', category: 'plain', grades: { [P.housingFirst]: 3 }, expectNone: [HIDDEN.elenaMembersOnly] },
  {
    id: 'plain-crowdfunding',
    query: 'crowdfunding',
    category: 'plain',
    grades: {
      [P.crowdfundingFurgone]: 3,
      [T.crowdfunding]: 3,
      [post(T.crowdfunding, 2)]: 3,
      [U.sara]: 3,
      [post(T.crowdfunding, 3)]: 2,
      [post(T.crowdfunding, 4)]: 1,
      [P.lasciti]: 1,
      [E.fundraising]: 1,
    },
    expectNone: [HIDDEN.fundraisingPrivate, HIDDEN.budgetThreadPrivate, HIDDEN.robertoHidden, HIDDEN.elenaMembersOnly],
  },
  { id: 'plain-agricoltura-sociale', query: 'agricoltura sociale', category: 'plain', grades: { [P.cascina]: 3, [P.storiaMartina]: 2, [U.marco]: 1 } },
  { id: 'plain-patti-di-collaborazione', query: 'patti di collaborazione', category: 'plain', grades: { [P.pattiGiardini]: 3, [P.educativaDiStrada]: 2, [U.giulia]: 1 } },
  { id: 'plain-sroi', query: 'SROI', category: 'plain', grades: { [T.sroi]: 3, [post(T.sroi, 2)]: 1, [post(T.sroi, 3)]: 1 } },
  {
    id: 'plain-esperti-per-esperienza',
    query: 'esperti per esperienza salute mentale',
    category: 'plain',
    grades: { [P.storiaMartina]: 1, [P.cascina]: 1, [U.chiara]: 1, [U.luca]: 1 },
    expectNone: [HIDDEN.espInReview],
  },

  // People: competence profiles by skill, in Italian and English.
  {
    id: 'people-raccolta-fondi',
    query: 'raccolta fondi',
    category: 'people',
    filter: { types: ['Profile'] },
    grades: { [U.sara]: 3, [U.luca]: 2, [U.marco]: 1, [U.chiara]: 1 },
    expectNone: [HIDDEN.robertoHidden, HIDDEN.elenaMembersOnly],
  },
  {
    id: 'people-co-progettazione',
    query: 'co-progettazione',
    category: 'people',
    filter: { types: ['Profile'] },
    grades: { [U.francesca]: 3, [U.davide]: 2, [U.marco]: 1, [U.chiara]: 1 },
  },
  {
    id: 'people-valutazione-impatto',
    query: "valutazione d'impatto",
    category: 'people',
    filter: { types: ['Profile'] },
    grades: { [U.giulia]: 3, [U.marco]: 1, [U.luca]: 1 },
  },
  {
    id: 'people-facilitazione',
    query: 'facilitazione',
    category: 'people',
    filter: { types: ['Profile'] },
    grades: { [U.francesca]: 3, [U.giulia]: 2, [U.luca]: 2 },
  },
  {
    id: 'people-migranti',
    query: 'esperto di migranti',
    category: 'people',
    filter: { types: ['Profile'] },
    grades: { [U.davide]: 3 },
  },
  {
    id: 'people-anziani',
    query: 'anziani',
    category: 'people',
    filter: { types: ['Profile'] },
    grades: { [U.chiara]: 3, [U.luca]: 2, [U.francesca]: 1 },
  },
];
