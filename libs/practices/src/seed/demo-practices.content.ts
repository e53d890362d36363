import { AdoptionOutcome } from '../lib/practice-adoption.enums';
import { PracticeKind, PracticeStatus } from '../lib/practice.enums';
import { PracticeMediaKind } from '../lib/practice-media.enums';
import type { PracticeOrganizationValue } from '../lib/practice-organization';
import { PracticeOrganizationKind as Kind, PracticeOrganizationRole as Role } from '../lib/practice-organization.enums';
import type { SectionName } from '../lib/practice.sections';

/** The demo accounts a practice names, by their key in the identity seed. */
export type DemoPerson = 'admin' | 'moderator' | 'chiara' | 'marco' | 'elena' | 'luca' | 'sara' | 'davide' | 'giulia' | 'francesca' | 'anna' | 'roberto';

export interface DemoMedia {
  kind: PracticeMediaKind;
  url: string;
  caption: string;
  altText?: string;
  credit: string;
  transcript?: string;
  /** Who consented, when, to what use; a medium without it keeps its story in DRAFT. */
  consent?: { givenBy: string; givenOn: string; use: string };
}

export interface DemoPractice {
  key: string;
  kind: PracticeKind;
  status: PracticeStatus;
  title: string;
  summary: string;
  sections: Partial<Record<SectionName, string>>;
  startsOn: string | null;
  endsOn: string | null;
  /** Territory codes. */
  territories: string[];
  project: string | null;
  community: string | null;
  tags: string[];
  /** The creator first. */
  authors: [DemoPerson, ...DemoPerson[]];
  organizations: PracticeOrganizationValue[];
  /** Who publishes, returns or archives it: a coordinator of its community, or staff. */
  reviewer: DemoPerson;
  /** Returned once to its authors with this comment before it went on. */
  returnedWith?: string;
  media?: DemoMedia[];
  /** Days ago it was written, published, archived. */
  days: { created: number; published?: number; archived?: number };
  /** An edit after publication: the first version is kept and readable by authors and reviewers. */
  revision?: { daysAgo: number; by: DemoPerson; sections: Partial<Record<SectionName, string>>; summary?: string };
  /** A forum thread (by title) its authors linked to it. */
  linkedThread?: string;
}

export interface DemoAdoption {
  practice: string;
  territory: string;
  organizationName: string | null;
  project: string | null;
  adoptedOn: string;
  notes: string;
  outcome: AdoptionOutcome;
  recordedBy: DemoPerson;
}

export interface DemoComment {
  practice: string;
  author: DemoPerson;
  body: string;
  daysAgo: number;
}

export const DEMO_PRACTICES: DemoPractice[] = [
  {
    key: 'custodi',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: 'Custodi sociali di quartiere: un presidio leggero per gli anziani soli',
    summary:
      'Nei caseggiati popolari di Milano Nord dieci custodi sociali, residenti formati e con un piccolo compenso, conoscono per nome gli anziani che vivono soli, li collegano ai servizi e organizzano piccoli aiuti quotidiani con i vicini.',
    sections: {
      need: `Nel quartiere **Comasina–Bruzzano** un over 75 su tre vive solo; molti non chiedono aiuto finché non arriva un'emergenza (una caduta, un ricovero, uno sfratto per morosità).
I servizi sociali conoscevano circa il 40% di loro. Il problema non era l'offerta di servizi ma la **distanza**: nessuno bussava alla porta prima della crisi.`,
      approach: `- **Governance**: accordo di collaborazione tra Comune (capofila), Associazione Vicini di Casa e gestore degli alloggi pubblici; cabina di regia mensile con l'assistente sociale di zona.
- **Processo**: mappatura porta a porta con gli amministratori di condominio; ogni custode segue 25–35 anziani con una visita o una telefonata a settimana.
- **Servizi**: accompagnamento alle visite, spesa, pratiche (ISEE, bonus utenze), segnalazione tempestiva ai servizi; un diario condiviso su foglio di calcolo protetto.`,
      resources: `- 10 custodi sociali (residenti, 12 ore a settimana, 450 € lordi al mese)
- 1 coordinatrice al 50% (assistente sociale dell'associazione)
- 2 portinerie sociali in locali ERP concessi in comodato gratuito
- budget annuo 96.000 €: 60% Comune (fondo povertà), 40% fondazione di comunità
- 40 volontari di vicinato per spesa e compagnia`,
      results: `Primo anno (ottobre 2023 – settembre 2024):
- **312 anziani** agganciati, di cui 118 prima sconosciuti ai servizi
- chiamate al 112 per cadute in casa **−22%** rispetto all'anno precedente nelle stesse scale
- 41 domande di assegno o bonus presentate, 37 accolte
- valutazione con questionario UCLA sulla solitudine: punteggio medio da 6,1 a 4,8 su 9 (n = 140)`,
      difficulties: `- **Il volontariato puro non ha tenuto**: nei primi quattro mesi 6 custodi volontari su 9 hanno lasciato. Il compenso, anche piccolo, ha reso il ruolo un impegno.
- La privacy: senza un accordo scritto con i servizi sociali i custodi non potevano ricevere i nomi delle persone in carico. Lo abbiamo firmato solo al sesto mese.
- Il diario condiviso su carta si perdeva: il passaggio al foglio online ha richiesto una formazione apposita per i custodi più anziani.`,
      transferability: `Serve: un ente del Terzo settore radicato nel quartiere, un gestore degli alloggi disponibile a concedere un locale, un accordo privacy con i servizi sociali **prima** di partire, e un budget di circa 9.000 € per custode all'anno.
Funziona meglio in caseggiati densi (oltre 300 alloggi); nei piccoli comuni va ripensato con figure già presenti (farmacie, negozi di paese).`,
    },
    startsOn: '2023-10-01',
    endsOn: null,
    territories: ['IT-MI-NORD'],
    project: 'custodi-di-quartiere',
    community: 'anziani-e-comunita',
    tags: ['anziani-soli', 'portierato-sociale', 'volontariato', 'welfare-di-comunita'],
    authors: ['chiara', 'marco'],
    organizations: [
      { name: 'Comune di Milano', kind: Kind.MUNICIPALITY, role: Role.LEAD },
      { name: 'Associazione Vicini di Casa', kind: Kind.ASSOCIATION, role: Role.PARTNER },
      { name: 'Gestore degli alloggi pubblici di zona', kind: Kind.PUBLIC_BODY, role: Role.SUPPORTER },
      { name: 'Fondazione di Comunità Milano Nord', kind: Kind.FOUNDATION, role: Role.FUNDER },
    ],
    reviewer: 'admin',
    days: { created: 700, published: 680 },
    revision: {
      daysAgo: 45,
      by: 'chiara',
      sections: {
        results: `Primo anno (ottobre 2023 – settembre 2024):
- **312 anziani** agganciati, di cui 118 prima sconosciuti ai servizi
- chiamate al 112 per cadute in casa **−22%** rispetto all'anno precedente nelle stesse scale
- 41 domande di assegno o bonus presentate, 37 accolte
- valutazione con questionario UCLA sulla solitudine: punteggio medio da 6,1 a 4,8 su 9 (n = 140)

Secondo anno (fino a settembre 2025):
- **448 anziani** seguiti; 23 ricoveri evitati secondo la valutazione dell'assistente sociale di zona
- il Comune ha inserito i custodi nel **Piano di zona 2025–2027**, con 14 custodi finanziati stabilmente`,
      },
    },
    linkedThread: 'Custodi di quartiere: cosa abbiamo imparato nel primo anno',
  },
  {
    key: 'ossola',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: "Infermiere di famiglia e taxi sociale nelle valli dell'Ossola",
    summary:
      "Un'infermiera di famiglia itinerante, un taxi sociale guidato da volontari e i medici di base come sentinelle permettono agli anziani di 14 comuni di montagna di restare a casa propria.",
    sections: {
      need: `Nei comuni delle valli Antigorio, Formazza e Vigezzo il 38% degli abitanti ha più di 65 anni; molti frazioni distano oltre 40 minuti dal primo ambulatorio. Gli anziani rinunciavano a visite e terapie per mancanza di trasporto, e i ricoveri impropri in RSA erano la prima risposta alla fragilità.`,
      approach: `- L'**infermiera di famiglia e comunità** dell'ASL gira le frazioni con un calendario fisso (un giorno a settimana per valle) e visita a domicilio su segnalazione.
- I **medici di base, le farmacie e i negozi di paese** segnalano chi non si vede da giorni a un numero unico del consorzio.
- Il **taxi sociale** (due auto attrezzate, 22 autisti volontari) porta a visite, esami e commissioni, prenotato entro il giorno prima.
- Un tavolo trimestrale tra consorzio, ASL, sindaci e associazioni rivede le segnalazioni e i percorsi.`,
      resources: `- 1 infermiera a tempo pieno (ASL VCO) e 1 operatrice del consorzio per il numero unico
- 2 auto attrezzate (una donata, una in comodato dal Comune di Domodossola)
- 22 volontari autisti, assicurati dal consorzio
- 118.000 € in tre anni dalla Fondazione Terre Alte; carburante rimborsato dai comuni in quota per abitante`,
      results: `Dal gennaio 2024 a giugno 2025:
- **1.940 corse** del taxi sociale per 286 persone
- 410 anziani visitati a domicilio almeno una volta; 64 presi in carico dall'assistenza domiciliare integrata
- ingressi in RSA dalle 14 frazioni: **da 31 a 19** all'anno
- tempo medio tra segnalazione e prima visita: 4 giorni`,
      difficulties: `- L'inverno: con la neve due valli restano senza corse per settimane. Abbiamo aggiunto la **telefonata settimanale** dei volontari come ripiego.
- All'inizio i medici di base segnalavano poco: è servito incontrarli uno per uno e restituire loro l'esito di ogni segnalazione.
- Il primo bando per un'auto elettrica è fallito (autonomia insufficiente sulle salite): lezione sulle prove sul campo prima dell'acquisto.`,
      transferability: `Replicabile in aree interne con un consorzio o un'unione di comuni che faccia da regia e un'ASL disposta a dedicare un'infermiera di comunità. Servono almeno 15 volontari autisti per due auto e un accordo assicurativo. Costo indicativo: 40.000 € all'anno oltre al personale sanitario.`,
    },
    startsOn: '2024-01-15',
    endsOn: null,
    territories: ['IT-VB-OSSOLA'],
    project: 'montagna-che-cura',
    community: 'anziani-e-comunita',
    tags: ['anziani-soli', 'piccoli-comuni', 'aree-interne'],
    authors: ['luca'],
    organizations: [
      { name: 'Consorzio Servizi Sociali Ossola', kind: Kind.PUBLIC_BODY, role: Role.LEAD },
      { name: 'ASL VCO', kind: Kind.HEALTH_SERVICE, role: Role.PARTNER },
      { name: 'Fondazione Terre Alte', kind: Kind.FOUNDATION, role: Role.FUNDER },
      { name: 'Associazione Autisti Volontari Ossolani', kind: Kind.ASSOCIATION, role: Role.PARTNER },
    ],
    reviewer: 'chiara',
    days: { created: 490, published: 480 },
  },
  {
    key: 'cascina',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: 'Agricoltura sociale: la cascina che forma e assume',
    summary:
      "Una cooperativa sociale e tre aziende agricole del Lecchese offrono tirocini di sei mesi nell'orto e nella serra a persone lontane dal lavoro; chi li completa entra in una graduatoria condivisa per le assunzioni stagionali e stabili.",
    sections: {
      need: `Persone con disabilità psichica, disoccupati di lunga durata e giovani usciti da comunità restavano anni nei tirocini di inclusione senza mai arrivare a un contratto. Le aziende agricole della zona, intanto, faticavano a trovare manodopera affidabile per la stagione.`,
      approach: `- **Percorso in tre fasi**: orientamento (1 mese) in cascina con il tutor della cooperativa, tirocinio (5 mesi) in azienda con un affiancatore, accompagnamento al contratto.
- **Graduatoria condivisa** tra le aziende partner: chi completa il tirocinio viene chiamato per primo.
- Un **tavolo mensile** con Centro per l'impiego, CPS e servizi sociali decide gli ingressi e segue i casi difficili.
- Le verdure della serra vanno all'emporio solidale e a due mense scolastiche.`,
      resources: `- 2 tutor della cooperativa (1,5 FTE), 3 affiancatori aziendali formati (16 ore)
- 1,2 ettari di orto e 600 m² di serra in comodato dal Comune di Lecco
- borse lavoro 500 €/mese finanziate dal Piano regionale disabili e dal fondo povertà
- 35.000 € all'anno di vendite che coprono sementi, attrezzi e un terzo dei tutor`,
      results: `Marzo 2022 – febbraio 2025:
- **58 tirocini** avviati, 44 completati (76%)
- **21 contratti** di lavoro (9 a tempo indeterminato, 12 stagionali ripetuti), contro 3 nei tre anni precedenti con i tirocini tradizionali
- 14 tonnellate di verdura all'anno conferite a emporio e mense`,
      difficulties: `- Il primo anno abbiamo inserito troppe persone insieme (12 in serra): gli affiancatori non reggevano. Oggi al massimo 4 per azienda.
- Una delle aziende partner è uscita dopo un anno per un cambio di proprietà: la graduatoria condivisa ha evitato che i tirocinanti restassero senza sbocco.
- I trasporti: la cascina non è servita dal bus, e abbiamo dovuto organizzare un pulmino con orari fissi.`,
      transferability: `Serve una cooperativa di tipo B con esperienza agricola, almeno due aziende disposte a formare un affiancatore, un terreno in comodato e un accordo con il Centro per l'impiego per la graduatoria. La legge 141/2015 sull'agricoltura sociale e le leggi regionali danno la cornice per il riconoscimento delle fattorie sociali.`,
    },
    startsOn: '2022-03-01',
    endsOn: '2025-02-28',
    territories: ['IT-LC-LECCO'],
    project: 'lavoro-in-rete',
    community: 'lombardia-welfare-di-comunita',
    tags: ['agricoltura-sociale', 'inserimento-lavorativo'],
    authors: ['marco'],
    organizations: [
      { name: 'Cooperativa Sociale Il Ponte', kind: Kind.SOCIAL_COOPERATIVE, role: Role.LEAD },
      { name: 'Comune di Lecco', kind: Kind.MUNICIPALITY, role: Role.PARTNER },
      { name: "Centro per l'impiego di Lecco", kind: Kind.PUBLIC_BODY, role: Role.PARTNER },
      { name: 'Azienda Agricola Cascina Brughiera', kind: Kind.ENTERPRISE, role: Role.PARTNER },
      { name: 'CPS – ASST di Lecco', kind: Kind.HEALTH_SERVICE, role: Role.PARTNER },
    ],
    reviewer: 'admin',
    days: { created: 610, published: 600 },
  },
  {
    key: 'emporio',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: 'Emporio solidale: la spesa con la tessera a punti',
    summary:
      "A Novara un emporio solidale sostituisce i pacchi alimentari: le famiglie in difficoltà scelgono i prodotti con una tessera a punti per sei mesi, e intanto costruiscono un progetto con i servizi sociali e i volontari.",
    sections: {
      need: `I pacchi alimentari distribuiti da sei parrocchie e due associazioni arrivavano a famiglie spesso già seguite da altri, senza scelta (bambini piccoli, diete, allergie) e senza nessun percorso per uscire dal bisogno. Molte famiglie si vergognavano di mettersi in coda.`,
      approach: `- **Accesso su invio**: servizi sociali, Caritas e consultori inviano la famiglia con una scheda; il punteggio della tessera dipende dall'ISEE e dai componenti.
- **Spesa come in un negozio**: scaffali, carrello, cassa; i prezzi sono in punti.
- **Patto di sei mesi** (rinnovabile una volta): un colloquio mensile con un volontario-tutor, un obiettivo concreto (lavoro, debiti, corsi).
- Magazzino unico con il Banco Alimentare e recupero delle eccedenze da quattro supermercati.`,
      resources: `- 70 volontari su turni (apertura 4 giorni a settimana), 1 coordinatrice part-time
- locale comunale di 280 m² in comodato; furgone refrigerato donato da un'impresa locale
- 52.000 € all'anno: 50% Comune, 30% fondazione, 20% raccolte e donazioni
- prodotti: 60% eccedenze recuperate, 30% Banco Alimentare, 10% acquisti`,
      results: `Nel 2024:
- **412 famiglie** servite (1.380 persone), 46% con minori
- 96 tonnellate di prodotti distribuiti, di cui 58 recuperati dallo spreco
- a fine patto, il **31%** delle famiglie non aveva più bisogno dell'emporio (lavoro trovato, debiti rinegoziati)
- tempo di attesa per l'accesso: da 5 settimane a 9 giorni dopo l'introduzione della scheda unica`,
      difficulties: `- Senza un **gestionale** unico le famiglie passavano da un ente all'altro: abbiamo adottato un software condiviso con la Caritas solo al secondo anno.
- I volontari-tutor all'inizio facevano i colloqui come controlli; la formazione sull'ascolto ha cambiato il clima.
- Un tentativo di consegna a domicilio per anziani è fallito per mancanza di autisti: oggi se ne occupa il taxi sociale di un'associazione.`,
      transferability: `Serve un locale accessibile di almeno 200 m², un accordo con il Banco Alimentare, almeno due supermercati per le eccedenze e una rete di invio con i servizi sociali. Il regolamento di accesso e la tabella dei punti sono riutilizzabili così come sono.`,
    },
    startsOn: '2021-09-01',
    endsOn: null,
    territories: ['IT-NO'],
    project: null,
    community: null,
    tags: ['emporio-solidale', 'poverta-alimentare', 'volontariato'],
    authors: ['elena'],
    organizations: [
      { name: 'Comune di Novara', kind: Kind.MUNICIPALITY, role: Role.LEAD },
      { name: 'Caritas Diocesana di Novara', kind: Kind.ASSOCIATION, role: Role.PARTNER },
      { name: 'Banco Alimentare del Piemonte', kind: Kind.ASSOCIATION, role: Role.PARTNER },
      { name: 'Supermercati del Novarese (rete di quattro punti vendita)', kind: Kind.ENTERPRISE, role: Role.SUPPORTER },
      { name: 'Fondazione Comunità Novarese', kind: Kind.FOUNDATION, role: Role.FUNDER },
    ],
    reviewer: 'moderator',
    days: { created: 640, published: 630 },
  },
  {
    key: 'giovani',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: 'Educativa di strada e uno spazio giovani gestito dai ragazzi',
    summary:
      "Due educatori di strada incontrano i gruppi di adolescenti nei parchi e alla stazione di Lecco; dai loro incontri è nato uno spazio giovani che i ragazzi gestiscono con un patto di collaborazione con il Comune.",
    sections: {
      need: `Dopo la pandemia i gruppi di adolescenti (14–19 anni) si ritrovavano in stazione e nei parchi, con episodi di vandalismo e abbandono scolastico in crescita (dispersione al 16% in due istituti). I centri di aggregazione tradizionali non li attiravano.`,
      approach: `- **Educativa di strada**: due educatori, quattro sere a settimana, sempre negli stessi luoghi; nessun obiettivo imposto, prima si costruisce fiducia.
- **Ascolto e proposte**: dai gruppi sono nate richieste concrete (una sala prove, un campetto, aiuto con i compiti).
- **Spazio giovani autogestito**: un ex magazzino comunale assegnato con un **patto di collaborazione**; un'assemblea dei ragazzi decide orari e regole, gli educatori sono garanti.
- Raccordo con scuole e servizi per i casi di abbandono scolastico.`,
      resources: `- 2 educatori (1,6 FTE) della cooperativa, 1 referente comunale
- ex magazzino di 180 m² ristrutturato in parte dai ragazzi (12 giornate di cantiere)
- 64.000 € all'anno: Comune 50%, fondazione comunitaria 35%, bando regionale politiche giovanili 15%`,
      results: `Settembre 2023 – giugno 2025:
- 230 ragazzi contattati in strada, **85** frequentano lo spazio almeno una volta al mese
- 17 ragazzi rientrati in un percorso scolastico o formativo
- segnalazioni di vandalismo nella zona della stazione **−40%** (dati Polizia locale)
- l'assemblea dei ragazzi ha organizzato 3 concerti e un torneo con 400 presenze`,
      difficulties: `- Il patto di collaborazione è stato difficile da scrivere: gli uffici chiedevano un responsabile maggiorenne. Abbiamo trovato la soluzione con un'associazione di ex ragazzi come firmataria.
- Due episodi di conflitto tra gruppi hanno fatto chiudere lo spazio per un mese; la mediazione ha funzionato solo coinvolgendo anche le famiglie.
- Gli orari serali degli educatori sono difficili da sostenere: il turn-over è stato alto il primo anno.`,
      transferability: `Serve tempo (almeno 8 mesi di strada prima di aprire uno spazio), educatori stabili, un locale anche povero e un regolamento comunale sui beni comuni che permetta i patti di collaborazione. Il modello di patto è disponibile su richiesta.`,
    },
    startsOn: '2023-09-01',
    endsOn: null,
    territories: ['IT-LC'],
    project: null,
    community: 'lombardia-welfare-di-comunita',
    tags: ['giovani', 'politiche-giovanili', 'educativa-di-strada', 'patti-di-collaborazione'],
    authors: ['marco'],
    organizations: [
      { name: 'Comune di Lecco', kind: Kind.MUNICIPALITY, role: Role.LEAD },
      { name: 'Cooperativa Sociale Il Ponte', kind: Kind.SOCIAL_COOPERATIVE, role: Role.PARTNER },
      { name: 'Istituto di Istruzione Superiore Badoni', kind: Kind.SCHOOL_OR_UNIVERSITY, role: Role.PARTNER },
      { name: 'Collettivo Ragazzi della Stazione', kind: Kind.INFORMAL_GROUP, role: Role.PARTNER },
      { name: 'Fondazione Comunitaria del Lecchese', kind: Kind.FOUNDATION, role: Role.FUNDER },
    ],
    reviewer: 'admin',
    days: { created: 460, published: 450 },
  },
  {
    key: 'esp',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.IN_REVIEW,
    title: 'Esperti per esperienza (ESP) nei servizi di salute mentale',
    summary:
      'Persone che hanno attraversato un disturbo psichico, formate come esperti per esperienza, affiancano gli operatori del centro di salute mentale: accoglienza, gruppi di auto mutuo aiuto e visite a domicilio.',
    sections: {
      need: `Al centro psico-sociale molti utenti al primo accesso abbandonavano dopo uno o due colloqui; i familiari si sentivano soli. Mancava qualcuno che parlasse "dall'altra parte", con la credibilità di chi ci è passato.`,
      approach: `- **Formazione** di 80 ore (con l'università) per 12 utenti esperti e 4 familiari esperti, con tirocinio affiancato.
- Gli ESP fanno **accoglienza** al primo accesso, conducono **gruppi di auto mutuo aiuto** settimanali e affiancano gli operatori nelle visite a domicilio.
- Sono **retribuiti** con contratti di collaborazione tramite l'associazione, non volontari.
- Supervisione mensile con uno psicologo del servizio.`,
      resources: `- 12 ESP e 4 familiari esperti (6–10 ore a settimana ciascuno)
- 1 psicologo per la supervisione (4 ore al mese)
- 58.000 € all'anno dal budget di salute dell'ASST e da una fondazione`,
      results: `Primi 18 mesi:
- abbandoni dopo il primo colloquio **dal 34% al 19%**
- 6 gruppi di auto mutuo aiuto attivi, 70 partecipanti regolari
- 3 ESP assunti dal servizio come operatori di supporto`,
      difficulties: `- Alcuni operatori temevano di essere sostituiti: sono serviti incontri di équipe e un protocollo chiaro su chi fa cosa.
- Due ESP hanno avuto una ricaduta nel primo anno; il patto prevede una sospensione senza perdere il ruolo.`,
      transferability: `Serve un servizio di salute mentale che lo voglia davvero (direzione e équipe), un'associazione di utenti e familiari che faccia da datore di lavoro, e un budget di salute che ne copra i compensi.`,
    },
    startsOn: '2024-03-01',
    endsOn: null,
    territories: ['IT-MI'],
    project: null,
    community: 'lombardia-welfare-di-comunita',
    tags: ['salute-mentale', 'supporto-tra-pari'],
    authors: ['chiara'],
    organizations: [
      { name: 'ASST Grande Ospedale Metropolitano Niguarda', kind: Kind.HEALTH_SERVICE, role: Role.LEAD },
      { name: 'Associazione Utenti e Familiari Insieme', kind: Kind.ASSOCIATION, role: Role.PARTNER },
      { name: 'Università degli Studi di Milano-Bicocca', kind: Kind.SCHOOL_OR_UNIVERSITY, role: Role.SUPPORTER },
    ],
    reviewer: 'marco',
    returnedWith:
      'Ottimo lavoro. Prima di pubblicare: aggiungete il dato sui ricoveri (prima e dopo) e spiegate come sono stati selezionati gli ESP; chi replica ce lo chiederà per primo.',
    days: { created: 30 },
  },
  {
    key: 'housing-first',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: 'Housing First in Novara: a flat first, then everything else',
    summary:
      'People who had slept rough for years get a flat of their own straight away, without having to prove they are "ready", with a team that visits them at home for as long as they need it.',
    sections: {
      need: `Novara's night shelter saw the same 40 people every winter for a decade. The staircase model (shelter, then community, then supported flat) lost most of them on the way: only 1 in 10 reached a home, and many came back to the street within a year.`,
      approach: `- **Housing first**: a flat from the municipality's stock or rented on the private market, with an ordinary lease in the tenant's name (the social cooperative stands as guarantor for the first two years).
- **No conditions** on treatment or sobriety; the only commitments are one home visit a week and paying 30% of income as rent.
- A **multidisciplinary team** (social worker, educator, nurse from the addiction service) with a caseload of 1 to 8.
- Neighbours are introduced before moving in, and a named contact answers their calls.`,
      resources: `- 18 flats (11 municipal, 7 private, rented through a social rental agency)
- team of 4.5 full-time equivalents
- about 14,500 € per person per year, against about 21,000 € for a place in a supported community
- fio.PSD network for training and peer review`,
      results: `Since 2022, 26 people housed:
- **85%** still housed after 24 months (22 of 26)
- visits to A&E down by two thirds in the first year (from 5.1 to 1.7 per person)
- 9 tenants in paid work, part time, after 18 months`,
      difficulties: `- Private landlords were the hardest part: 3 of the first 10 we found pulled out on meeting the tenants. A rent guarantee fund changed that.
- One tenancy failed because of conflicts with neighbours; we learnt to introduce the tenant and the team to the building before moving in, not after.
- The addiction service's nurse was shared with other duties and the visits were irregular for months.`,
      transferability: `You need a municipality willing to assign flats outside the ordinary waiting list, a landlord guarantee fund, a team with a low caseload, and the patience of at least two years before results show. fio.PSD's guidelines are the reference.`,
    },
    startsOn: '2022-05-01',
    endsOn: null,
    territories: ['IT-NO'],
    project: 'case-condivise',
    community: null,
    tags: ['housing-first', 'housing', 'poverta'],
    authors: ['elena', 'chiara'],
    organizations: [
      { name: 'Comune di Novara', kind: Kind.MUNICIPALITY, role: Role.LEAD },
      { name: 'Cooperativa Sociale La Casa sul Ponte', kind: Kind.SOCIAL_COOPERATIVE, role: Role.PARTNER },
      { name: 'SerD – ASL Novara', kind: Kind.HEALTH_SERVICE, role: Role.PARTNER },
      { name: 'fio.PSD', kind: Kind.ASSOCIATION, role: Role.SUPPORTER },
    ],
    reviewer: 'admin',
    days: { created: 510, published: 500 },
  },
  {
    key: 'caregiver',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: 'Sollievo ai caregiver familiari: Caffè Alzheimer e ore di respiro',
    summary:
      "Nell'Ambito di Monza i familiari che assistono una persona con demenza trovano un Caffè Alzheimer ogni settimana, un punto di ascolto e pacchetti di ore di sollievo a domicilio, prenotabili con un solo numero.",
    sections: {
      need: `I caregiver familiari (per l'80% donne tra 50 e 70 anni) arrivavano ai servizi solo allo stremo, spesso dopo un ricovero del familiare o una propria malattia. Non sapevano di poter chiedere aiuto, né a chi.`,
      approach: `- **Caffè Alzheimer** settimanale in tre quartieri: incontro informale per malati e familiari, con uno psicologo e volontari formati.
- **Punto di ascolto** per i caregiver con un numero unico: orientamento tra RSA aperta, assistenza domiciliare, contributi.
- **Ore di sollievo**: pacchetti di 40 ore a domicilio con operatori delle cooperative, per permettere al caregiver di riposare, curarsi, lavorare.
- Gruppi di auto mutuo aiuto tra caregiver, con un facilitatore.`,
      resources: `- 1 psicologa (20 ore a settimana), 2 operatrici del punto di ascolto
- 30 volontari formati (corso di 24 ore)
- 3 sale in centri civici, gratuite
- 140.000 € all'anno dal Fondo caregiver regionale e dall'Ambito`,
      results: `Nel 2024:
- **260 caregiver** agganciati, 190 per la prima volta
- 11.400 ore di sollievo erogate
- punteggio medio di stress (scala Zarit) da 48 a 36 dopo sei mesi (n = 95)`,
      difficulties: `- Le ore di sollievo venivano usate tutte in poche settimane; ora si pianificano con il caregiver per l'anno.
- Molti caregiver uomini non venivano al Caffè: un gruppo serale "solo figli" ha funzionato meglio.`,
      transferability: `Replicabile in ogni Ambito con il Fondo caregiver; servono un'associazione con esperienza sulle demenze, spazi pubblici gratuiti e una convenzione con le cooperative per le ore di sollievo.`,
    },
    startsOn: '2023-01-01',
    endsOn: null,
    territories: ['IT-MB'],
    project: null,
    community: 'anziani-e-comunita',
    tags: ['caregiver-familiari', 'caregiver', 'anziani'],
    authors: ['chiara'],
    organizations: [
      { name: 'Ambito territoriale di Monza', kind: Kind.PUBLIC_BODY, role: Role.LEAD },
      { name: 'Associazione Alzheimer Monza e Brianza', kind: Kind.ASSOCIATION, role: Role.PARTNER },
      { name: 'Consorzio Cooperative Sociali Brianza', kind: Kind.SOCIAL_COOPERATIVE, role: Role.PARTNER },
      { name: 'ATS Brianza', kind: Kind.HEALTH_SERVICE, role: Role.FUNDER },
    ],
    reviewer: 'moderator',
    days: { created: 570, published: 560 },
  },
  {
    key: 'storia-rosa',
    kind: PracticeKind.STORY,
    status: PracticeStatus.PUBLISHED,
    title: 'Rosa, 87 anni, e il custode del quinto piano',
    summary:
      'Rosa vive sola da quando è rimasta vedova. Per due anni non è scesa in cortile. Poi Ahmed, il custode sociale della sua scala, ha cominciato a bussare il martedì.',
    sections: {
      approach: `Rosa ha lavorato quarant'anni in una tipografia di viale Fulvio Testi. Quando Ahmed ha bussato la prima volta non gli ha aperto: "pensavo fosse uno di quelli delle truffe".
Ahmed è tornato con l'amministratrice del condominio, e poi ogni martedì. Hanno cominciato dalla spesa, poi dalle bollette arretrate, poi da una visita oculistica rimandata da tre anni.

> "Adesso il martedì mi pettino", dice Rosa.

Oggi Rosa scende al caffè del sabato in portineria sociale e insegna a due ragazze del palazzo a fare i tortelli.`,
      results: `Con l'aiuto di Ahmed, Rosa ha ottenuto il bonus per le bollette e l'assistenza domiciliare due volte a settimana. Non è più tornata al pronto soccorso dopo la caduta del 2023.`,
    },
    startsOn: '2023-11-01',
    endsOn: null,
    territories: ['IT-MI-NORD'],
    project: 'custodi-di-quartiere',
    community: 'anziani-e-comunita',
    tags: ['anziani-soli', 'portierato-sociale', 'storytelling'],
    authors: ['chiara'],
    organizations: [{ name: 'Associazione Vicini di Casa', kind: Kind.ASSOCIATION, role: Role.LEAD }],
    reviewer: 'admin',
    media: [
      {
        kind: PracticeMediaKind.IMAGE,
        url: 'https://media.bottega.example/storie/rosa-cortile.jpg',
        caption: 'Rosa e Ahmed nel cortile di via Val di Ledro',
        altText: "Un'anziana signora con il cappotto blu sorride seduta su una panchina accanto a un uomo giovane con il gilet dei custodi sociali.",
        credit: 'Foto di Sara Longhi per Associazione Vicini di Casa',
        consent: { givenBy: 'Rosa B. e Ahmed K.', givenOn: '2024-05-14', use: 'Pubblicazione su Bottega e nei materiali del progetto Custodi di quartiere, senza scadenza.' },
      },
      {
        kind: PracticeMediaKind.AUDIO,
        url: 'https://media.bottega.example/storie/rosa-martedi.mp3',
        caption: 'Rosa racconta i suoi martedì (2 minuti)',
        credit: 'Registrazione di Chiara Colombo',
        transcript:
          "Il martedì viene Ahmed. All'inizio non gli aprivo, pensavo fosse uno di quelli delle truffe. Poi è venuto con la signora dell'amministrazione. Adesso il martedì mi pettino. Mi porta la spesa e mi legge le lettere del Comune, che io non ci vedo più bene. Il sabato scendo giù, c'è il caffè, ci sono le ragazze del terzo piano.",
        consent: { givenBy: 'Rosa B.', givenOn: '2024-05-14', use: 'Ascolto su Bottega e nelle presentazioni pubbliche del progetto, senza scadenza.' },
      },
    ],
    days: { created: 560, published: 550 },
  },
  {
    key: 'storia-martina',
    kind: PracticeKind.STORY,
    status: PracticeStatus.PUBLISHED,
    title: "Martina's first contract, grown in a greenhouse",
    summary:
      'Martina was 24 and had never held a job for more than a month. Eighteen months after her first morning in the greenhouse, she signed a permanent contract with the farm that trained her.',
    sections: {
      approach: `Martina came to the cascina through the mental-health service, after two traineeships that ended in a few weeks. "I was sure I'd be sent away again," she says.
Her tutor, Giorgio, gave her one task for the first month: the tomato seedlings. Nobody else touched them.
In the fifth month the farm's foreman asked for her by name for the summer season. The shared ranking did the rest: when a permanent post opened, she was first in line.`,
      results: `Martina now works 30 hours a week and trains the newcomers in the greenhouse. She moved into a flat with a friend in March.`,
    },
    startsOn: '2023-04-01',
    endsOn: null,
    territories: ['IT-LC-LECCO'],
    project: 'lavoro-in-rete',
    community: 'lombardia-welfare-di-comunita',
    tags: ['agricoltura-sociale', 'inserimento-lavorativo', 'storytelling'],
    authors: ['marco'],
    organizations: [{ name: 'Cooperativa Sociale Il Ponte', kind: Kind.SOCIAL_COOPERATIVE, role: Role.LEAD }],
    reviewer: 'admin',
    media: [
      {
        kind: PracticeMediaKind.IMAGE,
        url: 'https://media.bottega.example/stories/martina-greenhouse.jpg',
        caption: 'Martina in the greenhouse, May 2024',
        altText: 'A young woman in green overalls holds a tray of tomato seedlings inside a greenhouse.',
        credit: 'Photo: Cooperativa Sociale Il Ponte',
        consent: { givenBy: 'Martina R.', givenOn: '2024-06-03', use: 'Bottega and the cooperative’s website and annual report, for five years.' },
      },
      {
        kind: PracticeMediaKind.VIDEO,
        url: 'https://media.bottega.example/stories/martina-first-day.mp4',
        caption: 'Martina and her tutor remember the first day (3 minutes)',
        credit: 'Video: Marco Bianchi',
        transcript:
          "Martina: I was sure I'd be sent away again. Giorgio: I gave her the seedlings, only the seedlings, for a month. Martina: Nobody else could touch them. That was mine. Giorgio: In May the foreman asked for her by name.",
        consent: { givenBy: 'Martina R. and Giorgio P.', givenOn: '2024-06-03', use: 'Bottega and the cooperative’s public presentations, for five years.' },
      },
    ],
    days: { created: 530, published: 520 },
  },
  {
    key: 'storia-ama',
    kind: PracticeKind.STORY,
    status: PracticeStatus.DRAFT,
    title: 'Voci dal gruppo di auto mutuo aiuto di Domodossola',
    summary: 'Cinque persone raccontano cosa è cambiato da quando, il giovedì sera, si incontrano in biblioteca per parlare della loro sofferenza psichica.',
    sections: {
      approach: `Il gruppo è nato nel 2024 da un'idea di due utenti del centro di salute mentale, con un facilitatore formato. Non c'è un terapeuta nella stanza: c'è un patto di riservatezza e una tazza di tè.
Stiamo raccogliendo le voci dei partecipanti; manca ancora il consenso scritto di due di loro per la registrazione.`,
    },
    startsOn: '2024-02-01',
    endsOn: null,
    territories: ['IT-VB-OSSOLA'],
    project: 'montagna-che-cura',
    community: null,
    tags: ['salute-mentale', 'supporto-tra-pari', 'storytelling'],
    authors: ['luca'],
    organizations: [],
    reviewer: 'admin',
    media: [
      {
        kind: PracticeMediaKind.AUDIO,
        url: 'https://media.bottega.example/storie/ama-domodossola.mp3',
        caption: 'Il giovedì sera in biblioteca (registrazione del gruppo)',
        credit: 'Registrazione del gruppo AMA di Domodossola',
        transcript: 'Trascrizione in preparazione: sarà pubblicata insieme al consenso di tutti i partecipanti.',
      },
    ],
    days: { created: 12 },
  },
  {
    key: 'bar-digitali',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.ARCHIVED,
    title: 'Sportello digitale nei bar di paese (2022–2023)',
    summary:
      "Per due anni giovani del servizio civile hanno aiutato gli anziani con SPID, fascicolo sanitario e prenotazioni nei bar di sei paesi dell'Ossola. Concluso: oggi lo stesso servizio è nelle biblioteche, con orari stabili.",
    sections: {
      need: `Con il passaggio a SPID e al fascicolo sanitario elettronico molti anziani delle valli non riuscivano più a prenotare visite né a ritirare referti, e dovevano scendere a Domodossola per farsi aiutare.`,
      approach: `- Un **giovane del servizio civile** per paese, due mattine a settimana, in un angolo del bar (il luogo dove gli anziani vanno comunque).
- Aiuto pratico: SPID, prenotazioni, referti, pagamenti PagoPA; nessun corso, ma ogni volta si mostra il passaggio.
- Una scheda per ogni persona con le credenziali **custodite da lei**, mai dallo sportello.`,
      resources: `- 6 operatori volontari del servizio civile universale
- 6 tablet e una connessione mobile
- 9.000 € in due anni per attrezzature e assicurazione`,
      results: `- **740 accessi** in due anni, 310 persone diverse
- 190 identità SPID attivate
- 62% delle persone, al terzo accesso, prenotava da sola una visita`,
      difficulties: `- Il rumore e la mancanza di riservatezza al bar: per le pratiche sanitarie molti non volevano parlare davanti agli altri.
- Il servizio dipendeva dal calendario del servizio civile: tre mesi scoperti tra un bando e l'altro.
- Per questo nel 2024 lo sportello è passato alle **biblioteche**, con operatori del consorzio e orari fissi.`,
      transferability: `L'idea di andare dove le persone già sono funziona; il bar va bene per agganciare, non per le pratiche riservate. Chi replica preveda fin da subito uno spazio riservato e personale che non dipenda da un solo bando.`,
    },
    startsOn: '2022-01-10',
    endsOn: '2023-12-31',
    territories: ['IT-VB-OSSOLA'],
    project: 'montagna-che-cura',
    community: 'anziani-e-comunita',
    tags: ['inclusione-digitale', 'anziani', 'piccoli-comuni', 'servizio-civile'],
    authors: ['luca'],
    organizations: [
      { name: 'Consorzio Servizi Sociali Ossola', kind: Kind.PUBLIC_BODY, role: Role.LEAD },
      { name: 'Pro Loco della Valle Vigezzo', kind: Kind.ASSOCIATION, role: Role.SUPPORTER },
    ],
    reviewer: 'chiara',
    days: { created: 1100, published: 1090, archived: 700 },
  },
  {
    key: 'fondo-caregiver',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.DRAFT,
    title: "Co-programmazione del fondo caregiver con l'Ambito di Lecco",
    summary: "Un tavolo di co-programmazione (art. 55 del Codice del Terzo settore) per decidere insieme all'Ambito come spendere il fondo regionale per i caregiver familiari.",
    sections: {
      need: `Il fondo caregiver veniva speso in contributi economici a pioggia (200 € a famiglia), senza servizi di sollievo né ascolto. Le associazioni chiedevano di essere coinvolte.`,
      approach: `- Avviso pubblico di co-programmazione, aperto a tutti gli enti del Terzo settore dell'Ambito.
- Quattro incontri tra maggio e settembre, con una facilitatrice esterna.
- In corso: stiamo scrivendo il documento finale con le priorità condivise.`,
    },
    startsOn: '2026-05-01',
    endsOn: null,
    territories: ['IT-LC'],
    project: null,
    community: 'lombardia-welfare-di-comunita',
    tags: ['co-programmazione', 'caregiver-familiari'],
    authors: ['marco'],
    organizations: [
      { name: 'Ambito distrettuale di Lecco', kind: Kind.PUBLIC_BODY, role: Role.LEAD },
      { name: 'Cooperativa Sociale Il Ponte', kind: Kind.SOCIAL_COOPERATIVE, role: Role.PARTNER },
    ],
    reviewer: 'admin',
    days: { created: 8 },
  },
  {
    key: 'visite-di-studio',
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    title: 'Study visits between living labs: a three-part format that sticks',
    summary:
      'How the living labs organise study visits so that something is actually adopted afterwards: a question prepared in advance, a day on the ground with the people who run the practice, and a follow-up call three months later.',
    sections: {
      need: `Our first study visits were pleasant days out: slides in the morning, lunch, a quick tour. Six months later nobody could say what had changed at home.`,
      approach: `1. **Before**: the visiting lab writes one question it wants answered ("how do you pay custodians after the grant ends?") and the host prepares the people and documents that answer it.
2. **On the day**: no slides; at least half the time with front-line workers and users; a closing hour where the visitors draft what they will try.
3. **After**: a call at three months, and an adoption recorded on Bottega when something is taken up.`,
      resources: `- one coordinator's day to prepare each visit on both sides
- travel for 4–6 people per visit (about 600 €)
- a shared template for the question and the closing hour`,
      results: `- 7 visits since January 2024
- 4 adoptions recorded afterwards (custodians in Novara, the travelling nurse in Valtellina, the solidarity grocery in Pavia, the caregiver café in the Ossola)`,
      difficulties: `- Hosts tend to show only what works: we now ask explicitly for one failure per visit.
- The three-month call was skipped twice; it is now in the calendar before the visit happens.`,
      transferability: `Any network of projects can use it; what it takes is one coordinator who owns the calendar and the follow-up.`,
    },
    startsOn: '2024-01-01',
    endsOn: null,
    territories: ['IT-VB-OSSOLA', 'IT-MI-NORD'],
    project: null,
    community: 'coordinamento-living-lab',
    tags: ['scambi', 'visite-di-studio'],
    authors: ['luca', 'chiara'],
    organizations: [],
    reviewer: 'admin',
    days: { created: 90, published: 85 },
  },
];

export const DEMO_ADOPTIONS: DemoAdoption[] = [
  {
    practice: 'custodi',
    territory: 'IT-NO',
    organizationName: 'Comune di Novara',
    project: 'case-condivise',
    adoptedOn: '2025-03-01',
    notes:
      'Adattato alle case condivise: due custodi invece di dieci, scelti tra gli inquilini, con lo stesso compenso. Abbiamo ripreso l’accordo privacy con i servizi sociali parola per parola.',
    outcome: AdoptionOutcome.ADAPTED,
    recordedBy: 'elena',
  },
  {
    practice: 'custodi',
    territory: 'IT-LC',
    organizationName: 'Cooperativa Sociale Il Ponte',
    project: null,
    adoptedOn: '2025-09-15',
    notes: 'Avvio in due caseggiati ALER di Lecco con quattro custodi; in attesa del finanziamento del Piano di zona.',
    outcome: AdoptionOutcome.ADOPTING,
    recordedBy: 'marco',
  },
  {
    practice: 'ossola',
    territory: 'IT-SO',
    organizationName: 'Comunità Montana Valtellina di Tirano',
    project: null,
    adoptedOn: '2025-11-04',
    notes:
      'Adottato il taxi sociale con 15 autisti volontari; l’infermiera di comunità è condivisa con la casa di comunità di Tirano invece che itinerante.',
    outcome: AdoptionOutcome.ADAPTED,
    recordedBy: 'luca',
  },
  {
    practice: 'ossola',
    territory: 'IT-NO',
    organizationName: 'Unione dei Comuni Collinari del Novarese',
    project: null,
    adoptedOn: '2026-06-01',
    notes: 'Stiamo reclutando gli autisti volontari; prima corsa prevista in autunno.',
    outcome: AdoptionOutcome.ADOPTING,
    recordedBy: 'elena',
  },
  {
    practice: 'cascina',
    territory: 'IT-BG',
    organizationName: 'Cooperativa Agricola Valle Brembana',
    project: null,
    adoptedOn: '2025-06-01',
    notes:
      'Tried and given up after eight months: only one farm joined, so the shared ranking never worked, and the trainees had no job to aim for. Lesson: sign up at least two farms before the first trainee starts.',
    outcome: AdoptionOutcome.ABANDONED,
    recordedBy: 'marco',
  },
  {
    practice: 'cascina',
    territory: 'IT-CO',
    organizationName: 'Consorzio Cooperative Sociali Comasche',
    project: null,
    adoptedOn: '2025-09-01',
    notes: 'Ripreso con i vivai invece delle aziende orticole; sei tirocini e due contratti nel primo anno.',
    outcome: AdoptionOutcome.ADAPTED,
    recordedBy: 'marco',
  },
  {
    practice: 'emporio',
    territory: 'IT-PV',
    organizationName: 'Comune di Pavia',
    project: null,
    adoptedOn: '2025-09-01',
    notes: 'Regolamento e tabella dei punti adottati così come sono; 180 famiglie nel primo anno.',
    outcome: AdoptionOutcome.ADOPTED,
    recordedBy: 'chiara',
  },
  {
    practice: 'emporio',
    territory: 'IT-LO',
    organizationName: 'Caritas Lodigiana',
    project: null,
    adoptedOn: '2026-10-01',
    notes: 'Locale trovato, accordo con il Banco Alimentare firmato; apertura prevista a gennaio.',
    outcome: AdoptionOutcome.ADOPTING,
    recordedBy: 'elena',
  },
  {
    practice: 'housing-first',
    territory: 'IT-BS',
    organizationName: 'Comune di Brescia',
    project: null,
    adoptedOn: '2025-11-01',
    notes: 'Adapted for young people leaving care (18–21): 6 flats, the same team model, a shorter lease.',
    outcome: AdoptionOutcome.ADAPTED,
    recordedBy: 'chiara',
  },
  {
    practice: 'caregiver',
    territory: 'IT-VB-OSSOLA',
    organizationName: 'Consorzio Servizi Sociali Ossola',
    project: 'montagna-che-cura',
    adoptedOn: '2026-01-20',
    notes: 'Caffè Alzheimer mensile in tre paesi, con il taxi sociale che porta i partecipanti; ore di sollievo dal fondo caregiver.',
    outcome: AdoptionOutcome.ADOPTED,
    recordedBy: 'luca',
  },
  {
    practice: 'giovani',
    territory: 'IT-MB',
    organizationName: 'Comune di Monza',
    project: null,
    adoptedOn: '2026-04-01',
    notes: 'Educativa di strada avviata nel quartiere San Rocco; lo spazio giovani è ancora da trovare.',
    outcome: AdoptionOutcome.ADOPTING,
    recordedBy: 'chiara',
  },
];

/** Who bookmarked what. */
export const DEMO_BOOKMARKS: [DemoPerson, string][] = [
  ['elena', 'custodi'],
  ['luca', 'custodi'],
  ['marco', 'emporio'],
  ['luca', 'cascina'],
  ['luca', 'caregiver'],
  ['chiara', 'ossola'],
  ['chiara', 'emporio'],
  ['moderator', 'emporio'],
  ['elena', 'ossola'],
  ['marco', 'housing-first'],
];

export const DEMO_COMMENTS: DemoComment[] = [
  {
    practice: 'custodi',
    author: 'elena',
    body: 'A Novara abbiamo ripreso l’accordo privacy con i servizi sociali: **firmarlo prima** ci ha fatto risparmiare mesi. Grazie!',
    daysAgo: 30,
  },
  {
    practice: 'cascina',
    author: 'luca',
    body: 'Come avete convinto il Centro per l’impiego a gestire una graduatoria condivisa? Da noi è la parte che blocca tutto.',
    daysAgo: 20,
  },
  {
    practice: 'cascina',
    author: 'marco',
    body: '@luca-sala con un protocollo d’intesa firmato dal dirigente provinciale: te lo mando, è di due pagine.',
    daysAgo: 19,
  },
];

/** What the demo people follow besides the forum seed's follows: tags by slug, territories by code. */
export const DEMO_FOLLOWS: ({ person: DemoPerson; tag: string } | { person: DemoPerson; territory: string })[] = [
  { person: 'luca', tag: 'agricoltura-sociale' },
  { person: 'elena', tag: 'anziani-soli' },
  { person: 'elena', tag: 'caregiver-familiari' },
  { person: 'marco', territory: 'IT-21' },
  { person: 'luca', tag: 'emporio-solidale' },
];
