/** The demo accounts the forum's demo names, by their key in the identity seed. */
export type DemoForumPerson = 'chiara' | 'marco' | 'elena' | 'luca' | 'admin' | 'sara' | 'davide' | 'giulia' | 'francesca' | 'anna' | 'roberto';

export interface DemoCommunity {
  slug: string;
  name: string;
  description: string;
  kind: 'THEMATIC' | 'TERRITORIAL';
  visibility: 'PUBLIC' | 'MEMBERS_ONLY' | 'PRIVATE';
  /** Territory code, for a territorial community. */
  territory: string | null;
  coordinators: DemoForumPerson[];
  members: DemoForumPerson[];
}

export interface DemoThread {
  community: string;
  kind: 'DISCUSSION' | 'QUESTION';
  title: string;
  tags: string[];
  territories: string[];
  /** Author, markdown, days ago; the first is the opening post. */
  posts: [[DemoForumPerson, string, number], ...[DemoForumPerson, string, number][]];
  /** Index of the accepted reply, for answered questions. */
  accepted?: number;
  pinned?: boolean;
  /** Closed to members' replies; its coordinators' last post explains why. */
  locked?: boolean;
}

/** Communities opened after the first four, where most of the later threads live. */
export const MORE_COMMUNITIES: DemoCommunity[] = [
  {
    slug: 'poverta-e-inclusione',
    name: 'Povertà e inclusione',
    description: 'Empori solidali, povertà alimentare, accoglienza dei migranti, inserimento lavorativo: strumenti e dubbi di chi ci lavora.',
    kind: 'THEMATIC',
    visibility: 'PUBLIC',
    territory: null,
    coordinators: ['elena'],
    members: ['sara', 'davide', 'marco', 'francesca', 'giulia', 'roberto'],
  },
  {
    slug: 'giovani-e-partecipazione',
    name: 'Giovani e partecipazione',
    description: 'Ragazzi, NEET, servizio civile, consulte e spazi autogestiti.',
    kind: 'THEMATIC',
    visibility: 'PUBLIC',
    territory: null,
    coordinators: ['marco'],
    members: ['sara', 'davide', 'giulia', 'luca', 'anna'],
  },
  {
    slug: 'fondi-e-valutazione',
    name: 'Fondi e valutazione',
    description: 'Bandi, fondazioni, crowdfunding, indicatori e valutazione d’impatto: come finanziare e raccontare quello che facciamo.',
    kind: 'THEMATIC',
    visibility: 'PUBLIC',
    territory: null,
    coordinators: ['giulia'],
    members: ['sara', 'elena', 'marco', 'luca', 'francesca', 'roberto', 'chiara'],
  },
];

/** Members who joined the first four communities later. */
export const MORE_MEMBERS: Record<string, DemoForumPerson[]> = {
  'anziani-e-comunita': ['anna', 'giulia', 'sara', 'francesca', 'davide'],
  'lombardia-welfare-di-comunita': ['francesca', 'roberto', 'elena'],
  abitare: ['anna', 'giulia', 'roberto'],
  'coordinamento-living-lab': ['giulia'],
};

export const MORE_THREADS: DemoThread[] = [
  {
    community: 'anziani-e-comunita',
    kind: 'QUESTION',
    title: 'Badante per una signora di 90 anni: a chi ci rivolgiamo?',
    tags: ['badanti', 'caregiver-familiari'],
    territories: ['IT-BG'],
    posts: [
      ['francesca', 'Una volontaria del nostro centro d’ascolto di Bergamo ci chiede aiuto: la madre, 90 anni, non può più stare sola e la famiglia cerca una badante. Passaparola o agenzia? E il contratto chi lo fa?', 40],
      ['chiara', 'A Milano ci sono gli **sportelli per l’assistenza familiare**: tengono un registro di assistenti familiari formate, aiutano con il contratto (CCNL lavoro domestico) e con la pratica INPS. Chiedete all’Ambito se ne avete uno vicino.', 39],
      ['sara', 'Occhio al lavoro nero: conviene a tutti finché qualcosa va storto. Lo sportello vi fa anche il calcolo di ferie e tredicesima.', 39],
      ['francesca', 'Trovato: l’Ambito di Bergamo ha uno sportello il martedì. Grazie!', 37],
    ],
    accepted: 1,
  },
  {
    community: 'anziani-e-comunita',
    kind: 'DISCUSSION',
    title: 'Agosto in città: chi resta solo quando tutti partono',
    tags: ['anziani-soli', 'ondate-di-calore'],
    territories: ['IT-MI'],
    posts: [
      ['chiara', 'Ogni estate, tra luglio e agosto, le chiamate dei nostri anziani raddoppiano: i figli sono via, il medico è in ferie, il caldo picchia. Cosa fate voi oltre al piano caldo del Comune?', 120],
      ['giulia', 'A Bologna abbiamo una **telefonata quotidiana** fatta da volontari nelle settimane di allerta, e i centri sociali tengono aperte le sale con l’aria condizionata.', 119],
      ['luca', 'In montagna il problema è l’opposto: il paese si riempie di turisti e i servizi sono presi d’assalto. Il taxi sociale in agosto va prenotato con una settimana di anticipo.', 118],
    ],
  },
  {
    community: 'anziani-e-comunita',
    kind: 'QUESTION',
    title: 'Tablet agli over 75: funziona davvero?',
    tags: ['inclusione-digitale', 'anziani'],
    territories: ['IT-TO'],
    posts: [
      ['anna', 'Una fondazione ci propone di regalare 50 tablet a persone sopra i 75 anni seguite dall’assistenza domiciliare di Torino. Ho paura che finiscano in un cassetto. Esperienze?', 60],
      ['luca', 'Il tablet da solo finisce nel cassetto, sì. Quello che ha funzionato da noi è stato **una persona fissa** che aiuta, in un posto e a un orario fissi (prima il bar, poi la biblioteca). Prima SPID e prenotazioni, poi le videochiamate coi nipoti.', 59],
      ['giulia', 'Aggiungo: contate le persone che dopo tre mesi fanno da sole almeno una cosa, non i tablet consegnati.', 58],
    ],
    accepted: 1,
  },
  {
    community: 'anziani-e-comunita',
    kind: 'DISCUSSION',
    title: 'Portinerie di quartiere: come le sostenete dopo la fine del bando?',
    tags: ['portierato-sociale', 'sostenibilita'],
    territories: ['IT-BO'],
    posts: [
      ['giulia', 'La nostra portineria di quartiere alla Bolognina chiude il progetto a giugno. Pacchi, chiavi, piccole riparazioni, compagnia: tutti la vogliono, nessuno la paga. Idee?', 25],
      ['chiara', 'Da noi i custodi sociali sono entrati nel Piano di zona dopo due anni di dati sulle chiamate d’emergenza. Senza numeri non ci saremmo riusciti.', 24],
      ['roberto', 'Una parte dei servizi si può far pagare: ritiro pacchi per gli e-commerce, lavanderia, piccoli lavori a prezzo calmierato. Non copre tutto ma aiuta.', 23],
      ['sara', 'E il condominio? A Napoli due amministratori pagano una quota per la portineria nei loro stabili.', 22],
    ],
  },
  {
    community: 'anziani-e-comunita',
    kind: 'DISCUSSION',
    title: "Vita indipendente e 'dopo di noi': il primo anno in appartamento",
    tags: ['disabilita', 'vita-indipendente', 'dopo-di-noi'],
    territories: ['IT-TO'],
    posts: [
      ['anna', 'Tre ragazzi con disabilità intellettiva vivono da un anno in un appartamento del centro di Torino, con un educatore la sera. I genitori all’inizio dormivano con il telefono acceso. Oggi **i ragazzi fanno la spesa da soli**.', 70],
      ['marco', 'Come avete usato i fondi della legge 112? Da noi i trust sono ancora un mistero per le famiglie.', 69],
      ['anna', 'Progetto personalizzato per ognuno, fondo regionale per l’educatore, e l’appartamento messo a disposizione da una famiglia. Il trust lo ha fatto solo una famiglia su tre.', 68],
    ],
  },
  {
    community: 'poverta-e-inclusione',
    kind: 'QUESTION',
    title: 'Emporio solidale o market solidale: che differenza c’è?',
    tags: ['emporio-solidale', 'poverta-alimentare'],
    territories: ['IT-NA'],
    posts: [
      ['sara', 'A Napoli stiamo aprendo un **market solidale** con la parrocchia e due associazioni. Al Nord lo chiamate emporio. È la stessa cosa o cambia il modello?', 90],
      ['elena', 'È la stessa idea: spesa scelta con una tessera a punti invece del pacco, accesso su invio dei servizi, un percorso per uscire dal bisogno. Il nome cambia da città a città (emporio, market, bottega solidale).', 89],
      ['davide', 'A Palermo lo chiamiamo proprio «bottega». La differenza vera è se c’è il patto con la famiglia o no.', 88],
    ],
    accepted: 1,
  },
  {
    community: 'poverta-e-inclusione',
    kind: 'DISCUSSION',
    title: 'Recupero delle eccedenze ai mercati rionali',
    tags: ['spreco-alimentare', 'poverta-alimentare'],
    territories: ['IT-PA'],
    posts: [
      ['davide', 'Al mercato del Capo, a fine mattinata, restano cassette di frutta e verdura ancora buone. Con un furgone e quattro volontari le portiamo alle mense e alle famiglie. Serve un’autorizzazione sanitaria?', 55],
      ['elena', 'Per frutta e verdura fresche basta la legge Gadda (166/2016) e un registro semplice delle donazioni. Per i cibi cotti serve la catena del freddo.', 54],
      ['sara', 'Noi pesiamo tutto: i chili recuperati sono il dato che le fondazioni ci chiedono per primo.', 53],
    ],
  },
  {
    community: 'poverta-e-inclusione',
    kind: 'QUESTION',
    title: 'How do you run a food bank with volunteers only?',
    tags: ['food-bank', 'volontariato'],
    territories: ['IT-BO'],
    posts: [
      ['giulia', 'A group of students in Bologna wants to start a small food bank for their neighbourhood, run by volunteers only. What breaks first?', 33],
      ['elena', 'The rota. With 70 volunteers we still need a part-time coordinator: people are generous for three months, then exams, jobs and holidays arrive. Start with a paid coordinator for at least 20 hours.', 32],
      ['roberto', 'And storage: a fridge and a dry room you can rely on every week. We lost a whole delivery once because the room was not free.', 31],
    ],
    accepted: 1,
  },
  {
    community: 'poverta-e-inclusione',
    kind: 'DISCUSSION',
    title: 'Corsi di italiano per mamme straniere, con i bambini in sala accanto',
    tags: ['migranti', 'intercultura', 'donne'],
    territories: ['IT-PA'],
    posts: [
      ['davide', 'Le donne arrivate con il ricongiungimento familiare non venivano ai corsi serali del CPIA. Da quando facciamo lezione la mattina con la **baby-sitter nella stanza accanto**, siamo passati da 4 a 26 iscritte.', 80],
      ['sara', 'Bellissimo. Come avete trovato le mediatrici?', 79],
      ['davide', 'Sono ex allieve: due di loro ora sono pagate dal progetto come mediatrici culturali.', 78],
      ['elena', 'A Novara lo stesso con la scuola primaria: il corso si fa mentre i bambini sono in classe.', 77],
    ],
  },
  {
    community: 'poverta-e-inclusione',
    kind: 'QUESTION',
    title: 'Tirocini per richiedenti asilo: chi ha un modello di convenzione?',
    tags: ['migranti', 'inserimento-lavorativo', 'tirocini'],
    territories: ['IT-BS'],
    posts: [
      ['roberto', 'A Brescia abbiamo tre aziende pronte a ospitare tirocini per ragazzi accolti nel SAI. Qualcuno ha una convenzione tipo già usata con il Centro per l’impiego?', 45],
      ['marco', 'Te la mando: è quella regionale, con un allegato sul permesso di soggiorno e la lingua. Il punto delicato è la **scadenza del permesso** durante il tirocinio.', 44],
      ['davide', 'Prevedete anche ore di italiano pagate dentro il tirocinio, altrimenti li perdete dopo un mese.', 43],
    ],
    accepted: 1,
  },
  {
    community: 'poverta-e-inclusione',
    kind: 'DISCUSSION',
    title: 'Cooperative sociali di tipo B e affidamenti riservati: esperienze con i Comuni',
    tags: ['cooperative-sociali', 'inserimento-lavorativo', 'appalti'],
    territories: ['IT-BG'],
    posts: [
      ['francesca', 'Il nostro Comune vuole riservare la manutenzione del verde alle cooperative di tipo B (art. 112 del Codice appalti). Gli uffici temono ricorsi. Chi l’ha già fatto?', 100],
      ['marco', 'Lecco lo fa da anni per verde e pulizie. La chiave è scrivere nel capitolato gli obiettivi di inserimento (persone svantaggiate, percorsi, tutor), non solo il prezzo.', 99],
      ['roberto', 'Attenzione alla soglia del 30% di lavoratori svantaggiati: va dimostrata con documenti, e i Comuni la controllano sempre più spesso.', 98],
    ],
  },
  {
    community: 'poverta-e-inclusione',
    kind: 'DISCUSSION',
    title: 'Mensa o ristorante solidale? Cambiare il modo di servire i pasti',
    tags: ['poverta-alimentare', 'mense'],
    territories: ['IT-MI'],
    posts: [
      ['chiara', 'La mensa del quartiere vuole diventare un ristorante solidale: tavoli da quattro, menu con due scelte, chi può paga un euro. I volontari storici sono perplessi.', 14],
      ['davide', 'A Palermo il passaggio ha fatto tornare persone che si vergognavano della fila. Servono più volontari in sala, però.', 13],
    ],
  },
  {
    community: 'giovani-e-partecipazione',
    kind: 'QUESTION',
    title: 'Come coinvolgere i ragazzi che non studiano e non lavorano?',
    tags: ['neet', 'giovani'],
    territories: ['IT-NA'],
    posts: [
      ['sara', 'A Scampia i ragazzi tra 18 e 25 anni che non studiano e non lavorano sono quasi uno su due. Ai nostri sportelli non vengono. Voi come li agganciate?', 50],
      ['marco', 'Non aspettateli allo sportello: **educativa di strada** negli stessi posti, alla stessa ora, per mesi. Poi una proposta concreta e pagata (un lavoro in un evento, un cantiere), non un corso.', 49],
      ['davide', 'Da noi funziona il calcio la sera, con un allenatore che è anche educatore. Dopo la partita si parla di lavoro.', 48],
      ['giulia', 'E coinvolgete chi ce l’ha fatta: un ex NEET che ora lavora convince più di dieci operatori.', 47],
      ['sara', 'Grazie, ci proviamo con un cantiere estivo pagato e due peer educator.', 45],
    ],
    accepted: 1,
  },
  {
    community: 'giovani-e-partecipazione',
    kind: 'DISCUSSION',
    title: 'Consulte dei giovani: come evitare che restino di facciata',
    tags: ['giovani', 'partecipazione'],
    territories: ['IT-BO'],
    posts: [
      ['giulia', 'La consulta giovani del quartiere si riunisce, vota, e poi nulla succede. Abbiamo provato a darle un **budget vero** (15.000 €) da decidere da sola. Risultato: due progetti realizzati e 40 ragazzi nuovi.', 66],
      ['marco', 'Il budget cambia tutto. A Lecco l’assemblea dello spazio giovani decide orari e regole, e i ragazzi la prendono sul serio perché le decisioni si vedono.', 65],
    ],
  },
  {
    community: 'giovani-e-partecipazione',
    kind: 'DISCUSSION',
    title: 'Servizio civile nei progetti di welfare: pro e contro',
    tags: ['servizio-civile', 'giovani'],
    territories: ['IT-VB'],
    posts: [
      ['luca', 'Tre anni di servizio civile negli sportelli digitali: i ragazzi sono stati bravissimi, ma ogni anno ripartiamo da zero e restano mesi scoperti tra un bando e l’altro.', 150],
      ['anna', 'Stesso problema nella disabilità: le famiglie si affezionano al volontario e dopo dodici mesi lo perdono.', 149],
      ['giulia', 'Non mettete i ragazzi del servizio civile su un servizio essenziale: affiancamento sì, sostituzione no.', 148],
    ],
  },
  {
    community: 'giovani-e-partecipazione',
    kind: 'QUESTION',
    title: 'Digital skills for teenagers from migrant families: any programme that worked?',
    tags: ['inclusione-digitale', 'giovani', 'migranti'],
    territories: ['IT-TO'],
    posts: [
      ['anna', 'In Barriera di Milano many teenagers from migrant families help their parents with every online form, but have no computer of their own and no coding classes. Has anyone run a programme that lasted beyond one summer?', 35],
      ['davide', 'In Palermo a coding club in the parish hall, run by university students, has lasted three years: refurbished laptops from a bank, two afternoons a week, and the kids teach their parents on Saturdays.', 34],
    ],
    accepted: 1,
  },
  {
    community: 'fondi-e-valutazione',
    kind: 'QUESTION',
    title: 'Crowdfunding civico: quale piattaforma e quanto trattiene?',
    tags: ['crowdfunding', 'raccolta-fondi'],
    territories: ['IT-NA'],
    posts: [
      ['sara', 'Vogliamo raccogliere 25.000 € per attrezzare la cucina del market solidale. Quali piattaforme avete usato, quanto trattengono, e il Comune può raddoppiare?', 28],
      ['elena', 'Per il furgone dell’emporio abbiamo raccolto 38.000 € da 610 donatori in 45 giorni. La piattaforma prendeva il 5%. Il segreto: **una lista di 200 persone** avvisate prima del lancio e una cena a metà campagna.', 27],
      ['roberto', 'Alcune regioni e fondazioni fanno il raddoppio (match funding) se raggiungi metà obiettivo: chiedete prima di scegliere la piattaforma.', 26],
      ['sara', 'Scelta fatta: piattaforma con match funding della fondazione. Lancio a febbraio.', 20],
    ],
    accepted: 1,
  },
  {
    community: 'fondi-e-valutazione',
    kind: 'DISCUSSION',
    title: 'Quali indicatori per valutare un emporio solidale?',
    tags: ['valutazione-impatto', 'indicatori', 'emporio-solidale'],
    territories: ['IT-BO'],
    posts: [
      ['giulia', 'Le fondazioni ci chiedono "l’impatto" dell’emporio. Contare famiglie e chili è facile; misurare se le famiglie escono dal bisogno no. Voi cosa misurate?', 42],
      ['elena', 'Noi guardiamo la quota di famiglie che a fine patto non hanno più bisogno dell’emporio (31% nel 2024) e i tempi di attesa.', 41],
      ['giulia', 'Ottimo. Aggiungerei un questionario breve su sicurezza alimentare all’ingresso e all’uscita: è standard e confrontabile.', 40],
    ],
  },
  {
    community: 'fondi-e-valutazione',
    kind: 'QUESTION',
    title: 'Teoria del cambiamento per un bando di fondazione: da dove si comincia?',
    tags: ['teoria-del-cambiamento', 'bandi'],
    territories: ['IT-BS'],
    posts: [
      ['roberto', 'Il bando chiede una teoria del cambiamento. Non l’abbiamo mai fatta. È un documento o un disegno? Quanto tempo ci vuole?', 18],
      ['giulia', 'Si parte dal cambiamento finale (per chi, cosa cambia) e si va all’indietro fino alle attività. Una mezza giornata di laboratorio con l’équipe e due partner basta per la prima bozza. Poi un disegno di una pagina.', 17],
    ],
    accepted: 1,
  },
  {
    community: 'fondi-e-valutazione',
    kind: 'DISCUSSION',
    title: 'SROI sì o no? Quanto costa misurare',
    tags: ['valutazione-impatto', 'sroi'],
    territories: ['IT-MI'],
    posts: [
      ['giulia', 'Una valutazione SROI seria costa tra 15 e 30 mila euro. Per un progetto da 100 mila l’anno è sproporzionata. Cosa ne pensate?', 10],
      ['luca', 'Per noi meglio pochi indicatori seguiti bene e una valutazione esterna a metà progetto.', 9],
      ['chiara', 'Per i custodi ci è bastato confrontare le chiamate al 112 prima e dopo. Il Comune si è convinto con quello.', 8],
    ],
  },
  {
    community: 'lombardia-welfare-di-comunita',
    kind: 'QUESTION',
    title: 'Co-progettazione dopo la co-programmazione: durata e rendicontazione',
    tags: ['co-progettazione', 'amministrazione-condivisa'],
    territories: ['IT-BG'],
    posts: [
      ['francesca', 'Chiusa la co-programmazione, il Comune di Bergamo apre la co-progettazione (art. 55, comma 3). Quanto dura un partenariato così? Si rendiconta come un appalto?', 30],
      ['marco', 'Da noi tre anni rinnovabili. Non è un appalto: si rendicontano i costi sostenuti, non le prestazioni, e il tavolo di co-progettazione resta aperto per rivedere il progetto.', 29],
      ['chiara', 'Scrivete nell’avviso come si esce dal partenariato: ci è servito quando un ente ha chiuso.', 28],
    ],
    accepted: 1,
  },
  {
    community: 'lombardia-welfare-di-comunita',
    kind: 'DISCUSSION',
    title: 'Banca del tempo in quartiere: si può rilanciare?',
    tags: ['banca-del-tempo', 'vicinato'],
    territories: ['IT-BS'],
    posts: [
      ['roberto', 'La banca del tempo del nostro quartiere di Brescia ha 120 iscritti sulla carta e 15 attivi. Gli scambi sono sempre gli stessi (ripetizioni, passaggi in auto). Qualcuno l’ha rilanciata?', 75],
      ['chiara', 'Le nostre portinerie fanno da sportello della banca del tempo: chi passa per un pacco trova la bacheca degli scambi.', 74],
      ['francesca', 'Un’app non basta: serve una persona che faccia incontrare domanda e offerta, almeno all’inizio.', 73],
    ],
  },
  {
    community: 'lombardia-welfare-di-comunita',
    kind: 'DISCUSSION',
    title: 'Festa di quartiere: permessi, musica e SIAE',
    tags: ['eventi'],
    territories: ['IT-MI'],
    posts: [
      ['marco', 'Organizziamo la festa di quartiere di fine estate con le associazioni dei giovani e il comitato anziani. Qualcuno sa come si fa con i permessi per la musica dal vivo?', 5],
      ['francesca', 'Serve la comunicazione al Comune per l’occupazione di suolo pubblico e, per la musica, il permesso SIAE. Il Municipio ha un modulo unico.', 4],
    ],
  },
  {
    community: 'abitare',
    kind: 'DISCUSSION',
    title: 'Coabitazione tra anziani: la prima casa condivisa a Bologna',
    tags: ['cohousing', 'anziani', 'housing'],
    territories: ['IT-BO'],
    posts: [
      ['giulia', 'Quattro signore sopra i 75 anni, ognuna sola in un appartamento troppo grande, hanno scelto di vivere insieme in un alloggio ACER con una custode che passa ogni giorno. Dopo sei mesi nessuna vuole tornare indietro.', 16],
      ['elena', 'Come avete gestito le pensioni e le spese comuni?', 15],
      ['giulia', 'Una cassa comune per le spese di casa, il resto resta di ognuna. Il regolamento l’hanno scritto loro.', 14],
    ],
  },
  {
    community: 'abitare',
    kind: 'QUESTION',
    title: 'Agenzia sociale per la casa: che garanzie date ai proprietari?',
    tags: ['housing', 'affitto'],
    territories: ['IT-TO'],
    posts: [
      ['anna', 'A Torino molti alloggi privati restano vuoti: i proprietari temono la morosità. Che garanzie offrono le vostre agenzie sociali per l’affitto?', 22],
      ['elena', 'Fondo di garanzia per 18 mesi di canone e una persona che media con gli inquilini. Con questo 7 proprietari su 10 accettano.', 21],
    ],
    accepted: 1,
  },
  {
    community: 'coordinamento-living-lab',
    kind: 'DISCUSSION',
    title: 'Budget 2027 e rendicontazione alla fondazione',
    tags: ['rendicontazione', 'raccolta-fondi'],
    territories: [],
    posts: [
      ['chiara', 'La fondazione chiede per marzo il budget 2027 di tutti i living lab e un piano di raccolta fondi per il dopo-progetto. Propongo una tabella unica.', 6],
      ['luca', 'D’accordo. Il nostro taxi sociale dopo il 2026 resta scoperto: serve una campagna di crowdfunding o un accordo con i comuni.', 5],
      ['giulia', 'Posso preparare io gli indicatori comuni per la valutazione finale.', 4],
    ],
  },
];
