import { OrganizationKind } from '@bottega/territories';
import { Availability, CompetenceLevel as Level, ProfileVisibility } from '../lib/profiles/profile.enums';
import type { DemoProfile } from './demo-competences';

/**
 * The people who joined after the first living labs, from Emilia, Campania,
 * Sicily, Bergamo, Brescia and Turin: fundraising, co-programming,
 * facilitation, impact evaluation, migrants, disability. One keeps a
 * members-only profile and one hides hers from everyone but staff.
 */
export const MORE_PROFILES: DemoProfile[] = [
  {
    person: 'sara',
    visibility: ProfileVisibility.PUBLIC,
    availability: Availability.MENTORING,
    bio: `Fundraiser e coordinatrice di progetti a Scampia, Napoli. Da dieci anni mi occupo di **raccolta fondi** per il Terzo settore: donatori regolari, lasciti, crowdfunding civico, rapporti con le fondazioni.
Ho aperto il market solidale del quartiere e i cantieri estivi per i ragazzi che non studiano e non lavorano.`,
    avatarUrl: 'https://media.bottega.example/avatars/sara-esposito.jpg',
    organization: { name: 'Associazione Scampia Insieme', kind: OrganizationKind.ASSOCIATION },
    territories: ['IT-NA-NAPOLI', 'IT-NA'],
    languages: ['it', 'en'],
    competences: [
      {
        skill: 'crowdfunding',
        level: Level.EXPERT,
        note: 'Sette campagne di crowdfunding civico, 210.000 € raccolti; programma di 400 donatori mensili.',
        evidence: [{ practice: 'lasciti-solidali' }, { postIn: 'Crowdfunding civico: quale piattaforma e quanto trattiene?' }],
        endorsedBy: ['elena', 'giulia', 'roberto'],
      },
      { skill: 'foundation-partnerships', level: Level.EXPERIENCED, evidence: [{ practice: 'market-solidale-scampia' }], endorsedBy: ['marco'] },
      { skill: 'corporate-partnerships', level: Level.PRACTITIONER },
      { skill: 'poverty', level: Level.EXPERIENCED, evidence: [{ practice: 'market-solidale-scampia' }] },
      { skill: 'youth', level: Level.EXPERIENCED, evidence: [{ practice: 'cantieri-neet-scampia' }, { postIn: 'Come coinvolgere i ragazzi che non studiano e non lavorano?' }] },
    ],
  },
  {
    person: 'davide',
    visibility: ProfileVisibility.PUBLIC,
    availability: Availability.OPEN_TO_EXCHANGE,
    bio: `Mediatore culturale e operatore di comunità a Palermo. Lavoro con migranti, minori stranieri non accompagnati e famiglie del centro storico: corsi di italiano, tirocini, recupero delle eccedenze ai mercati.
Mi piace la co-progettazione con gli abitanti: la casa della salute della Zisa l’abbiamo disegnata con loro.`,
    avatarUrl: null,
    organization: { name: 'Centro Astalli Palermo', kind: OrganizationKind.ASSOCIATION },
    territories: ['IT-PA-PALERMO', 'IT-PA'],
    languages: ['it', 'en', 'fr', 'ar'],
    competences: [
      {
        skill: 'migrants',
        level: Level.EXPERT,
        evidence: [{ practice: 'italiano-mamme-straniere' }, { practice: 'storia-karim' }],
        endorsedBy: ['sara', 'anna'],
      },
      { skill: 'co-design', level: Level.EXPERIENCED, evidence: [{ practice: 'co-design-health-centre-palermo' }], endorsedBy: ['giulia'] },
      { skill: 'participatory-processes', level: Level.PRACTITIONER },
      { skill: 'poverty', level: Level.EXPERIENCED, evidence: [{ practice: 'eccedenze-mercati-palermo' }] },
    ],
  },
  {
    person: 'giulia',
    visibility: ProfileVisibility.PUBLIC,
    availability: Availability.OPEN_TO_EXCHANGE,
    bio: `Valutatrice e facilitatrice a Bologna. Accompagno enti del Terzo settore e Comuni nella **valutazione d’impatto sociale**: teoria del cambiamento, indicatori, questionari, restituzione dei dati a chi li raccoglie.
Coordino la comunità "Fondi e valutazione" su Bottega.`,
    avatarUrl: 'https://media.bottega.example/avatars/giulia-marchetti.jpg',
    organization: { name: 'Studio Valutare Insieme', kind: OrganizationKind.COOPERATIVE },
    territories: ['IT-BO-BOLOGNA', 'IT-BO', 'IT-45'],
    languages: ['it', 'en'],
    competences: [
      {
        skill: 'social-impact-assessment',
        level: Level.EXPERT,
        note: 'Valutazioni d’impatto per 14 progetti finanziati da fondazioni, 2018–2026.',
        evidence: [{ practice: 'valutazione-impatto-emporio' }, { postIn: 'Quali indicatori per valutare un emporio solidale?' }],
        endorsedBy: ['elena', 'luca', 'sara'],
      },
      { skill: 'theory-of-change', level: Level.EXPERT, evidence: [{ postIn: 'Teoria del cambiamento per un bando di fondazione: da dove si comincia?' }], endorsedBy: ['roberto'] },
      { skill: 'monitoring-indicators', level: Level.EXPERIENCED },
      { skill: 'participatory-processes', level: Level.EXPERIENCED, evidence: [{ practice: 'consulta-giovani-budget' }] },
      { skill: 'collaboration-pacts', level: Level.PRACTITIONER, evidence: [{ practice: 'patti-giardini-bologna' }] },
    ],
  },
  {
    person: 'francesca',
    visibility: ProfileVisibility.PUBLIC,
    availability: Availability.MENTORING,
    bio: `Facilitatrice di processi di co-programmazione e co-progettazione tra Comuni ed enti del Terzo settore, in provincia di Bergamo.
Ho facilitato il tavolo sulla domiciliarità del Comune di Bergamo e seguo lo sportello per l’assistenza familiare. Faccio **facilitazione** di gruppi e reti, e formazione agli uffici comunali sull’amministrazione condivisa.`,
    avatarUrl: null,
    organization: { name: 'Consorzio Solidarietà Bergamasca', kind: OrganizationKind.CONSORTIUM },
    territories: ['IT-BG-BERGAMO', 'IT-BG-SERIANA', 'IT-BG'],
    languages: ['it', 'en', 'de'],
    competences: [
      {
        skill: 'co-programming',
        level: Level.EXPERT,
        note: 'Tavoli di co-programmazione in 4 Ambiti bergamaschi, 2021–2026.',
        evidence: [{ practice: 'coprogrammazione-domiciliarita-bergamo' }, { postIn: 'Co-progettazione dopo la co-programmazione: durata e rendicontazione' }],
        endorsedBy: ['marco', 'chiara', 'giulia'],
      },
      { skill: 'network-facilitation', level: Level.EXPERT, endorsedBy: ['giulia', 'davide'] },
      { skill: 'third-sector-agreements', level: Level.EXPERIENCED, evidence: [{ practice: 'manutenzione-verde-coop-b' }] },
      { skill: 'caregivers', level: Level.PRACTITIONER, evidence: [{ practice: 'sportello-assistenti-familiari' }] },
    ],
  },
  {
    person: 'anna',
    visibility: ProfileVisibility.MEMBERS_ONLY,
    availability: Availability.OPEN_TO_EXCHANGE,
    bio: `Assistente sociale del Comune di Torino, servizi per la disabilità. Seguo progetti di vita indipendente e "dopo di noi", e l’agenzia sociale per la locazione.`,
    avatarUrl: null,
    organization: { name: 'Comune di Torino', kind: OrganizationKind.PUBLIC_BODY },
    territories: ['IT-TO-TORINO', 'IT-TO'],
    languages: ['it', 'fr'],
    competences: [
      { skill: 'disability', level: Level.EXPERT, evidence: [{ practice: 'dopo-di-noi-torino' }, { practice: 'storia-matteo' }], endorsedBy: ['giulia'] },
      { skill: 'housing', level: Level.EXPERIENCED, evidence: [{ practice: 'agenzia-sociale-casa' }] },
      { skill: 'digital-inclusion', level: Level.PRACTITIONER, evidence: [{ practice: 'nonni-digitali' }] },
    ],
  },
  {
    person: 'roberto',
    visibility: ProfileVisibility.HIDDEN,
    availability: Availability.NOT_AVAILABLE,
    bio: `Volontario e poi coordinatore della banca del tempo di quartiere a Brescia. Mi occupo di raccolta fondi per le associazioni di volontariato.`,
    avatarUrl: null,
    organization: { name: 'Associazione Filo d’Argento Brescia', kind: OrganizationKind.ASSOCIATION },
    territories: ['IT-BS-BRESCIA'],
    languages: ['it'],
    competences: [
      { skill: 'volunteer-coordination', level: Level.EXPERT, evidence: [{ practice: 'telefono-amico-terza-eta' }] },
      { skill: 'community-organising', level: Level.EXPERIENCED, evidence: [{ practice: 'banca-del-tempo-brescia' }] },
      { skill: 'crowdfunding', level: Level.PRACTITIONER },
    ],
  },
];
