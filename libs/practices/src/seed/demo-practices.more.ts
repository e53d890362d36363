import { PracticeStatus } from '../lib/practice.enums';
import { PracticeMediaKind } from '../lib/practice-media.enums';
import { PracticeOrganizationKind as Kind, PracticeOrganizationRole as Role } from '../lib/practice-organization.enums';
import { practice, story } from './demo-practices.brief';
import type { DemoPractice } from './demo-practices.content';

/**
 * Later records of the knowledge base: older people and their carers, food
 * poverty, housing and neighbourhood concierges, across Lombardy, Piedmont,
 * Emilia, Campania and Sicily. Written as practitioners write them: the
 * technical word in the record ("assistente familiare", "isolamento
 * sociale", "terza età") where a reader would type the everyday one.
 */
export const MORE_PRACTICES: DemoPractice[] = [
  practice({
    key: 'sportello-assistenti-familiari',
    title: 'Sportello per l’assistenza familiare: famiglie e assistenti qualificate si incontrano',
    summary:
      'Uno sportello comunale aiuta le famiglie a trovare un’assistente familiare formata, a regolarizzare il contratto di lavoro domestico e a organizzare le sostituzioni durante ferie e malattie.',
    sections: {
      need: `Nel Comune di Bergamo circa 2.600 famiglie hanno in casa un’assistente familiare convivente, quasi sempre trovata col passaparola e spesso senza contratto. Le famiglie non sapevano come regolarizzarla; le lavoratrici non avevano formazione né tutele.`,
      approach: `- **Registro pubblico** delle assistenti familiari che hanno seguito il corso di 120 ore (igiene, mobilizzazione, demenze, lingua italiana).
- **Incontro domanda-offerta** con un colloquio a tre: famiglia, lavoratrice, operatrice dello sportello.
- **Pratiche**: contratto secondo il CCNL del lavoro domestico, comunicazione all’INPS, buste paga, contributo regionale per chi regolarizza.
- **Sostituzioni** per ferie e riposi con assistenti del registro.`,
      resources: `- 2 operatrici (1,5 FTE) e un consulente del lavoro a ore
- corso di formazione con il CPIA e l’ente di formazione regionale
- 78.000 € all’anno dal Comune e dal fondo non autosufficienza`,
      results: `In due anni: **410 famiglie** accompagnate, 286 contratti regolarizzati, 190 lavoratrici iscritte al registro; il tempo medio per trovare una sostituta è sceso da tre settimane a cinque giorni.`,
      difficulties: `Molte famiglie arrivano solo quando la situazione è già in crisi. Il contributo regionale arriva con mesi di ritardo e scoraggia chi regolarizza. Le lavoratrici senza permesso di soggiorno restano fuori.`,
      transferability: `Serve un Ambito che metta insieme fondo non autosufficienza e servizi per il lavoro, un ente di formazione e un consulente del lavoro. Il regolamento del registro è riutilizzabile.`,
    },
    startsOn: '2023-02-01',
    territories: ['IT-BG-BERGAMO'],
    tags: ['assistenti-familiari', 'lavoro-domestico', 'non-autosufficienza'],
    authors: ['francesca'],
    organizations: [
      { name: 'Comune di Bergamo', kind: Kind.MUNICIPALITY, role: Role.LEAD },
      { name: 'CPIA di Bergamo', kind: Kind.SCHOOL_OR_UNIVERSITY, role: Role.PARTNER },
    ],
    days: { created: 300, published: 290 },
  }),
  practice({
    key: 'telefono-amico-terza-eta',
    title: 'Isolamento sociale nella terza età: la rete telefonica di quartiere',
    summary:
      'Volontari formati telefonano ogni settimana a ultrasettantenni che vivono da soli a Brescia; le telefonate diventano visite, passeggiate e piccoli gruppi nei centri civici.',
    sections: {
      need: `Dopo la pandemia i servizi sociali di Brescia hanno contato 1.900 ultrasettantenni in condizione di isolamento sociale: nessun familiare vicino, nessuna uscita settimanale. La solitudine pesava sulla salute più di molte malattie.`,
      approach: `- Segnalazioni da medici di base, farmacie e parrocchie.
- **Telefonata settimanale** da un volontario fisso, con una traccia di conversazione e un modulo per segnalare bisogni.
- Dalla telefonata alla **visita** e poi ai **gruppi di cammino** e ai pomeriggi nei centri civici.
- Un’operatrice di comunità segue i casi che richiedono i servizi.`,
      resources: `- 85 volontari formati (corso di 12 ore sull’ascolto)
- 1 operatrice di comunità a tempo pieno
- 32.000 € all’anno da una fondazione e dal Comune`,
      results: `**640 persone** chiamate ogni settimana nel 2024; 210 hanno cominciato a frequentare un gruppo; punteggio medio di solitudine (scala De Jong) sceso da 4,2 a 3,1.`,
      difficulties: `Molti rifiutano al primo contatto: ora è il medico di base ad anticipare la telefonata. I volontari si stancano se seguono più di sei persone.`,
      transferability: `Replicabile ovunque con un’associazione di volontariato e un accordo con i medici di base; costa poco, ma serve un’operatrice che tenga la rete.`,
    },
    startsOn: '2022-10-01',
    territories: ['IT-BS-BRESCIA'],
    tags: ['isolamento-sociale', 'terza-eta', 'volontariato'],
    authors: ['roberto'],
    organizations: [{ name: 'Associazione Filo d’Argento Brescia', kind: Kind.ASSOCIATION, role: Role.LEAD }],
    days: { created: 380, published: 370 },
  }),
  practice({
    key: 'nonni-digitali',
    title: 'Nonni digitali: gli studenti insegnano lo smartphone agli over 70',
    summary:
      'Nelle biblioteche civiche di Torino studenti delle superiori affiancano persone anziane su smartphone, SPID, fascicolo sanitario e videochiamate, un pomeriggio a settimana.',
    sections: {
      need: `Con la digitalizzazione dei servizi molte persone anziane di Torino non riuscivano più a prenotare esami, pagare bollette online o vedere i nipoti lontani; i figli non avevano tempo di insegnare.`,
      approach: `- Coppie fisse **studente–anziano** per dieci incontri, nelle biblioteche di quartiere.
- Un percorso in tappe: accendere e sbloccare, chiamare e videochiamare, SPID, fascicolo sanitario, riconoscere le truffe.
- Gli studenti ricevono crediti per i PCTO e una formazione sul linguaggio semplice.`,
      resources: `- 6 biblioteche civiche, 120 studenti di 4 istituti all’anno
- 40 smartphone ricondizionati in prestito
- 18.000 € all’anno per coordinamento e materiali`,
      results: `**520 persone** tra 70 e 91 anni hanno completato il percorso; l’83% usa da solo le videochiamate, il 61% ha attivato lo SPID.`,
      difficulties: `Le truffe online hanno spaventato molti partecipanti: abbiamo aggiunto un incontro apposito con la Polizia postale. Gli studenti cambiano ogni anno scolastico.`,
      transferability: `Serve una biblioteca, una scuola disposta a usare i PCTO e un coordinatore. Il programma dei dieci incontri è scaricabile.`,
    },
    startsOn: '2023-10-01',
    territories: ['IT-TO-TORINO'],
    tags: ['inclusione-digitale', 'anziani', 'giovani'],
    authors: ['anna'],
    organizations: [{ name: 'Biblioteche civiche torinesi', kind: Kind.MUNICIPALITY, role: Role.LEAD }],
    days: { created: 260, published: 250 },
  }),
  practice({
    key: 'scuola-caregiver',
    title: 'Scuola per caregiver: formazione per chi assiste un familiare non autosufficiente',
    summary:
      'Un corso gratuito di otto incontri per figli, coniugi e nipoti che assistono a casa una persona non autosufficiente: come spostarla, come gestire le terapie, come chiedere aiuto senza sentirsi in colpa.',
    sections: {
      need: `Nell’Ambito di Lecco i caregiver familiari arrivavano agli sportelli esausti e senza nozioni pratiche: mal di schiena, errori nelle terapie, nessuna idea dei servizi disponibili.`,
      approach: `- Otto incontri serali con infermieri, fisioterapisti, assistenti sociali e un avvocato (amministrazione di sostegno).
- Una parte pratica con letti e ausili in prestito.
- Un gruppo di auto mutuo aiuto che continua dopo il corso.`,
      resources: `- 4 professionisti a gettone, una sala dell’ospedale
- 12.000 € all’anno dal fondo caregiver dell’Ambito`,
      results: `Sei edizioni, **148 caregiver** formati; il 70% ha chiesto almeno un servizio di sollievo dopo il corso.`,
      difficulties: `Chi lavora non riesce a venire la sera: stiamo provando una versione online registrata.`,
      transferability: `Qualunque Ambito può farla con il fondo caregiver e l’ospedale di riferimento.`,
    },
    startsOn: '2024-01-10',
    territories: ['IT-LC'],
    tags: ['caregiver-familiari', 'non-autosufficienza', 'formazione'],
    authors: ['marco'],
    community: 'anziani-e-comunita',
    days: { created: 200, published: 190 },
  }),
  story({
    key: 'storia-giuseppe',
    title: 'Giuseppe, 81 anni, e la telefonata delle nove',
    summary: 'Da quando è morta la moglie Giuseppe non usciva più di casa, nel quartiere Zisa di Palermo. Ogni mattina alle nove ora squilla il telefono.',
    sections: {
      approach: `Giuseppe ha fatto il ferroviere per trentotto anni. Dopo la morte di Concetta ha chiuso le persiane e ha smesso di scendere al bar. "Non avevo niente da dire a nessuno."
La farmacista lo ha segnalato all’associazione. Da allora Marisa, una volontaria di sessant’anni, lo chiama ogni mattina alle nove. Dopo un mese gli ha chiesto di accompagnarla al mercato.`,
      results: `Oggi Giuseppe va al circolo due pomeriggi a settimana e ripara le biciclette dei ragazzi del doposcuola.`,
    },
    territories: ['IT-PA-PALERMO'],
    tags: ['solitudine', 'anziani', 'storytelling'],
    authors: ['davide'],
    days: { created: 150, published: 145 },
  }),
  story({
    key: 'storia-irina',
    title: 'Irina, vent’anni di lavoro nelle case degli altri',
    summary: 'Arrivata dalla Moldavia nel 2005, Irina ha assistito sei persone anziane in Val Seriana. Oggi insegna al corso per assistenti familiari.',
    sections: {
      approach: `"Al paese mi chiamavano la badante della signora Pina, come se non avessi un nome", racconta Irina. Per dieci anni ha lavorato senza contratto, convivendo giorno e notte.
Nel 2019 lo sportello per l’assistenza familiare l’ha aiutata a regolarizzarsi; nel 2023 ha finito il corso di 120 ore e ora fa la docente nei moduli sulla mobilizzazione.`,
      results: `Irina ha un contratto regolare, due giorni liberi a settimana, e le famiglie la cercano per nome.`,
    },
    territories: ['IT-BG-SERIANA'],
    tags: ['assistenti-familiari', 'migranti', 'storytelling'],
    authors: ['francesca'],
    media: [
      {
        kind: PracticeMediaKind.IMAGE,
        url: 'https://media.bottega.example/storie/irina-corso.jpg',
        caption: 'Irina durante una lezione del corso',
        altText: 'Una donna mostra a un gruppo come aiutare una persona ad alzarsi dal letto.',
        credit: 'Foto: Comune di Bergamo',
        consent: { givenBy: 'Irina C.', givenOn: '2025-03-02', use: 'Bottega e materiali dello sportello, per cinque anni.' },
      },
    ],
    days: { created: 120, published: 118 },
  }),
  practice({
    key: 'coabitazione-anziani',
    title: 'Coabitazione solidale tra anziane in un alloggio ACER',
    summary: 'Quattro donne sopra i 75 anni, prima sole in appartamenti troppo grandi, vivono insieme in un alloggio pubblico con una custode che passa ogni giorno.',
    sections: {
      need: `Molte vedove vivono sole in alloggi popolari grandi e difficili da mantenere, mentre le graduatorie sono piene di famiglie.`,
      approach: `Scelta volontaria della convivenza dopo tre mesi di incontri; regolamento scritto dalle inquiline; una cassa comune per le spese di casa; visita quotidiana di una custode sociale.`,
      resources: `Un alloggio ACER di 110 m² ristrutturato, una custode a 10 ore settimanali, 9.000 € l’anno.`,
      results: `Dopo un anno nessuna è tornata indietro; due appartamenti liberati per famiglie in graduatoria.`,
      difficulties: `I figli all’inizio erano contrari; la convivenza ha richiesto una mediazione sulle abitudini di sonno.`,
      transferability: `Serve un ente gestore degli alloggi disponibile e una figura che accompagni le prime settimane.`,
    },
    territories: ['IT-BO-BOLOGNA'],
    tags: ['cohousing', 'anziani', 'housing'],
    authors: ['giulia'],
    community: 'abitare',
    reviewer: 'elena',
    days: { created: 60, published: 55 },
  }),
  practice({
    key: 'piano-estate-anziani',
    status: PracticeStatus.DRAFT,
    title: 'Piano estate per gli anziani soli: telefonate e sale fresche',
    summary: 'Bozza: durante le ondate di calore, telefonate quotidiane agli anziani soli del quartiere e sale climatizzate aperte nei centri sociali.',
    sections: {
      need: `In agosto gli anziani soli restano senza familiari e con il medico in ferie.`,
      approach: `Telefonate quotidiane dei volontari nei giorni di allerta; centri sociali aperti con l’aria condizionata. Da completare con i dati dell’estate.`,
    },
    territories: ['IT-BO-BOLOGNA'],
    tags: ['anziani-soli', 'ondate-di-calore'],
    authors: ['giulia'],
    days: { created: 20 },
  }),
  practice({
    key: 'market-solidale-scampia',
    title: 'Il market solidale di Scampia: una spesa dignitosa per 300 famiglie',
    summary:
      'Al posto del pacco viveri, un piccolo supermercato dove le famiglie inviate dai servizi scelgono i prodotti con una carta a punti e incontrano un operatore per il loro progetto.',
    sections: {
      need: `A Scampia la povertà alimentare colpisce soprattutto famiglie con bambini piccoli. La distribuzione dei pacchi in parrocchia creava file, vergogna e sprechi (prodotti non adatti, latte per chi non ne aveva bisogno).`,
      approach: `- Accesso su invio di servizi sociali, scuole e parrocchie, con una carta a punti per sei mesi.
- Il **market** è aperto tre giorni a settimana: scaffali, carrello, cassa.
- Un colloquio al mese con un’operatrice: lavoro, scuola dei figli, debiti.
- Prodotti dal Banco Alimentare Campania, dalle eccedenze di due supermercati e da raccolte nelle scuole.`,
      resources: `- locale confiscato alla camorra, concesso dal Comune
- 40 volontari, 1 operatrice a tempo pieno
- 48.000 € all’anno da una fondazione e da raccolte`,
      results: `**310 famiglie** nel 2024, 1.120 persone; il 27% a fine percorso non ha più bisogno del market.`,
      difficulties: `Il furgone refrigerato manca ancora: i freschi arrivano solo due volte a settimana. I volontari sono pochi nei mesi estivi.`,
      transferability: `Come ogni emporio: un locale, un accordo con il Banco Alimentare, una rete di invio. Un bene confiscato dà anche un messaggio al quartiere.`,
    },
    startsOn: '2023-06-01',
    territories: ['IT-NA-NAPOLI'],
    tags: ['market-solidale', 'poverta-alimentare'],
    authors: ['sara'],
    organizations: [
      { name: 'Associazione Scampia Insieme', kind: Kind.ASSOCIATION, role: Role.LEAD },
      { name: 'Banco Alimentare Campania', kind: Kind.ASSOCIATION, role: Role.PARTNER },
    ],
    days: { created: 240, published: 230 },
  }),
  practice({
    key: 'eccedenze-mercati-palermo',
    title: 'Recupero delle eccedenze alimentari nei mercati storici di Palermo',
    summary:
      'Ogni giorno, a fine mattinata, volontari e ragazzi in tirocinio raccolgono frutta e verdura invenduta al Capo e a Ballarò e la portano a mense, comunità e famiglie in difficoltà.',
    sections: {
      need: `Nei mercati storici restavano ogni giorno quintali di prodotti ancora buoni, mentre mense e famiglie del centro storico faticavano a garantire pasti con frutta e verdura fresca.`,
      approach: `- Accordi con 34 banchi che donano l’invenduto (legge 166/2016, detta legge Gadda).
- Un furgone e due cargo-bike fanno il giro alle 13.
- Smistamento in un magazzino di quartiere e consegna entro sera a 9 mense e 120 famiglie.
- Registro delle donazioni e pesatura di ogni cassetta.`,
      resources: `- 1 furgone, 2 cargo-bike, 25 volontari, 4 tirocinanti
- 22.000 € all’anno dal Comune e da un’impresa della grande distribuzione`,
      results: `**86 tonnellate** di cibo recuperate nel 2024, circa 170.000 porzioni di frutta e verdura.`,
      difficulties: `D’estate il caldo rovina la merce in poche ore: serve una cella frigorifera che ancora non abbiamo.`,
      transferability: `Ovunque ci sia un mercato rionale: basta un furgone, un registro e un accordo con il Comune.`,
    },
    territories: ['IT-PA-PALERMO'],
    tags: ['spreco-alimentare', 'poverta-alimentare', 'volontariato'],
    authors: ['davide'],
    community: 'poverta-e-inclusione',
    reviewer: 'elena',
    days: { created: 210, published: 200 },
  }),
  practice({
    key: 'student-food-pantry',
    title: 'A neighbourhood food pantry run by students in Bologna',
    summary:
      'University students run a weekly food pantry in the Navile district with a paid coordinator, a shared fridge and a booking system, serving families who would never queue at a charity.',
    sections: {
      need: `Rising rents and energy bills pushed working families in Navile into food insecurity. Many did not qualify for, or were ashamed to ask, the parish food parcels.`,
      approach: `- Weekly opening on Saturday, with **time slots booked by phone** to avoid queues.
- Families choose from shelves, up to a points limit.
- A part-time coordinator keeps the volunteer rota and the links with social services.`,
      resources: `- 60 student volunteers, 1 coordinator (20 hours a week)
- a room in the district's civic centre, 2 fridges
- 20,000 € a year from the university and a foundation`,
      results: `In 2024: **180 households**, 9 tonnes of food; 40% had never asked for help before.`,
      difficulties: `Exam periods and summer empty the rota: we now recruit retired neighbours as well.`,
      transferability: `Any university town can do it; do not start without a coordinator and reliable storage.`,
    },
    territories: ['IT-BO-BOLOGNA'],
    tags: ['food-bank', 'poverta-alimentare', 'giovani'],
    authors: ['giulia'],
    days: { created: 100, published: 95 },
  }),
  practice({
    key: 'ristorante-solidale',
    title: 'Dalla mensa al ristorante solidale: pasti caldi senza fila',
    summary:
      'A Milano una mensa per persone in difficoltà è diventata un ristorante solidale: tavoli apparecchiati, due piatti a scelta, un euro per chi può, servizio al tavolo dei volontari.',
    sections: {
      need: `La mensa tradizionale con la fila all’aperto allontanava pensionati poveri e famiglie, che preferivano saltare il pasto piuttosto che farsi vedere.`,
      approach: `Prenotazione il giorno prima, tavoli da quattro, menu con due scelte, contributo libero da un euro; i volontari servono al tavolo e mangiano con gli ospiti.`,
      resources: `Cucina della parrocchia, 2 cuochi di una cooperativa sociale, 50 volontari, 90.000 € all’anno.`,
      results: `Da 80 a **140 coperti** al giorno; il 30% dei nuovi ospiti sono anziani soli che prima non venivano.`,
      difficulties: `Servono il doppio dei volontari di una mensa a self-service.`,
      transferability: `Serve una cucina a norma e una cooperativa che garantisca i cuochi; il contributo simbolico va spiegato bene.`,
    },
    territories: ['IT-MI'],
    tags: ['poverta-alimentare', 'mense'],
    authors: ['chiara'],
    days: { created: 40, published: 35 },
  }),
  practice({
    key: 'orti-scolastici',
    title: 'Orti scolastici e mensa a chilometro zero',
    summary: 'Quattro scuole primarie di Torino coltivano un orto con i nonni del quartiere e portano le verdure in mensa: educazione alimentare e meno spreco nei piatti.',
    sections: {
      need: `Nelle mense scolastiche metà della verdura finiva nei rifiuti; i bambini non sapevano come cresce quello che mangiano.`,
      approach: `Orti nei cortili curati da classi e da nonni volontari; laboratori di cucina; le verdure dell’orto entrano nel menu una volta a settimana.`,
      resources: `4 cortili, 30 nonni volontari, un agronomo a ore, 8.000 € all’anno.`,
      results: `Lo spreco di verdura in mensa è sceso del 35% nelle classi coinvolte.`,
      difficulties: `D’estate l’orto va curato a scuola chiusa: ci pensano i nonni a turno.`,
      transferability: `Basta un cortile, una dirigente convinta e qualche volontario.`,
    },
    territories: ['IT-TO-TORINO'],
    tags: ['educazione-alimentare', 'scuola', 'orti'],
    authors: ['anna'],
    days: { created: 330, published: 320 },
  }),
  practice({
    key: 'agenzia-sociale-casa',
    title: 'Agenzia sociale per la locazione: alloggi privati sfitti per famiglie a basso reddito',
    summary:
      'A Torino un’agenzia pubblica convince i proprietari di case vuote ad affittarle a canone concordato a famiglie in difficoltà, con un fondo di garanzia e una mediatrice.',
    sections: {
      need: `Migliaia di alloggi privati sfitti e, nello stesso tempo, famiglie sfrattate per morosità incolpevole o escluse dall’edilizia popolare.`,
      approach: `- Fondo di garanzia che copre fino a 18 mensilità di canone.
- Contratto a canone concordato con agevolazioni IMU per il proprietario.
- Una mediatrice abitativa segue inquilini e proprietari per i primi due anni.`,
      resources: `3 operatori, un fondo di garanzia di 400.000 €, accordo con le associazioni dei proprietari.`,
      results: `**212 contratti** firmati in tre anni; morosità sotto il 4%.`,
      difficulties: `I proprietari diffidano all’inizio: il passaparola tra loro conta più della pubblicità.`,
      transferability: `Serve un Comune che metta il fondo di garanzia e un accordo territoriale sul canone concordato.`,
    },
    territories: ['IT-TO-TORINO'],
    tags: ['housing', 'affitto', 'emergenza-abitativa'],
    authors: ['anna'],
    days: { created: 280, published: 275 },
  }),
  practice({
    key: 'housing-padri-separati',
    title: 'Alloggi temporanei per padri separati con figli',
    summary: 'A Brescia sei mini-appartamenti per padri separati in difficoltà economica, per il tempo necessario a ritrovare una casa e continuare a vedere i figli.',
    sections: {
      need: `Dopo la separazione molti padri con redditi bassi dormivano in auto o da amici e perdevano il diritto di visita perché non avevano una casa dove ospitare i figli.`,
      approach: `Alloggi per 12-18 mesi con un piccolo affitto, accompagnamento educativo, supporto legale e risparmio vincolato per la futura caparra.`,
      resources: `6 mini-appartamenti di una fondazione, 1 educatore, 40.000 € all’anno.`,
      results: `23 padri accolti; 19 hanno trovato una casa in affitto alla fine del percorso.`,
      difficulties: `Il mercato degli affitti di Brescia è saturo: i percorsi si allungano.`,
      transferability: `Serve un patrimonio immobiliare di una fondazione o di un ente religioso e un educatore.`,
    },
    territories: ['IT-BS-BRESCIA'],
    tags: ['housing', 'famiglie'],
    authors: ['roberto'],
    community: 'abitare',
    reviewer: 'elena',
    days: { created: 170, published: 165 },
  }),
  practice({
    key: 'portineria-bolognina',
    title: 'Portineria di quartiere alla Bolognina',
    summary:
      'Un ex negozio sfitto è diventato la portineria del quartiere: ritiro pacchi, chiavi, piccole riparazioni, informazioni sui servizi e un punto d’incontro tra vicini di ogni età.',
    sections: {
      need: `Nel quartiere Bolognina di Bologna molti abitanti (anziani, famiglie appena arrivate, studenti) non conoscono i vicini né i servizi; i portieri dei palazzi sono scomparsi.`,
      approach: `- Una **portineria di comunità** aperta sei giorni su sette con due portinai assunti da una cooperativa.
- Servizi pratici a prezzo calmierato (pacchi, chiavi, piccoli lavori) e servizi gratuiti (informazioni, accompagnamenti).
- Bacheca degli scambi tra vicini e pranzi mensili.`,
      resources: `Negozio in comodato, 2 portinai (1,6 FTE), 55.000 € all’anno tra Comune, fondazione e ricavi dei servizi.`,
      results: `**1.300 contatti** al mese, 380 famiglie iscritte; il 20% dei costi coperto dai servizi a pagamento.`,
      difficulties: `La sostenibilità dopo il bando è incerta; i servizi a pagamento non bastano.`,
      transferability: `Funziona in quartieri densi con negozi sfitti; serve un ente che assuma i portinai.`,
    },
    territories: ['IT-BO-BOLOGNA'],
    tags: ['portierato-sociale', 'vicinato', 'welfare-di-comunita'],
    authors: ['giulia'],
    days: { created: 230, published: 220 },
  }),
  practice({
    key: 'condominio-solidale',
    title: 'Condominio solidale: spazi comuni e vicinato attivo in un palazzo ERP',
    summary: 'In un caseggiato popolare di Milano Nord il locale caldaie dismesso è diventato una sala comune gestita dagli inquilini, con un regolamento e un fondo per le piccole spese.',
    sections: {
      need: `Nel caseggiato i conflitti tra inquilini (rumori, rifiuti, parcheggi) finivano in denunce; nessuno usava gli spazi comuni.`,
      approach: `Assemblee di scala facilitate, una sala comune autogestita, turni di pulizia condivisi, un patto di convivenza firmato da 60 famiglie.`,
      resources: `Sala di 70 m² ristrutturata dal gestore, una facilitatrice per un anno, 15.000 €.`,
      results: `Segnalazioni di conflitto al gestore dimezzate; doposcuola e cene mensili nella sala.`,
      difficulties: `Il patto va rinnovato con chi arriva: senza una persona di riferimento si perde.`,
      transferability: `Serve un gestore degli alloggi che ceda uno spazio e un’associazione che faciliti il primo anno.`,
    },
    territories: ['IT-MI-NORD'],
    tags: ['vicinato', 'housing', 'mediazione-dei-conflitti'],
    authors: ['chiara'],
    days: { created: 350, published: 340 },
  }),
  practice({
    key: 'cantieri-neet-scampia',
    title: 'Cantieri estivi retribuiti per ragazzi fuori da scuola e lavoro',
    summary:
      'A Scampia i NEET tra 18 e 25 anni lavorano otto settimane d’estate, pagati, per sistemare giardini e spazi pubblici; chi completa il cantiere entra in un percorso di orientamento.',
    sections: {
      need: `A Scampia quasi un giovane su due non studia e non lavora; nessuno di loro si presentava agli sportelli per il lavoro.`,
      approach: `- Aggancio con l’educativa di strada e con due peer educator del quartiere.
- **Cantiere di otto settimane**, 20 ore a settimana, con una borsa di 600 € al mese.
- A fine cantiere: bilancio delle competenze e proposta di tirocinio o corso.`,
      resources: `2 educatori, 2 peer educator, 1 capocantiere; 70.000 € dal Comune e da una fondazione.`,
      results: `48 ragazzi in due estati, 41 hanno finito il cantiere, **17 al lavoro o in formazione** sei mesi dopo.`,
      difficulties: `Il ritardo nei pagamenti delle borse ha fatto perdere fiducia nel primo anno.`,
      transferability: `Serve un Comune che affidi piccoli lavori pubblici e un ente che paghi puntualmente.`,
    },
    territories: ['IT-NA-NAPOLI'],
    tags: ['neet', 'giovani', 'inserimento-lavorativo'],
    authors: ['sara'],
    community: 'giovani-e-partecipazione',
    reviewer: 'marco',
    days: { created: 160, published: 150 },
  }),
  practice({
    key: 'consulta-giovani-budget',
    title: 'Un budget vero per la consulta dei giovani',
    summary: 'A Bologna la consulta giovani del quartiere decide da sola come spendere 15.000 € all’anno: bandi scritti dai ragazzi, votazione aperta, progetti realizzati entro l’anno.',
    sections: {
      need: `La consulta si riuniva senza che le sue proposte avessero seguito; i ragazzi smettevano di partecipare.`,
      approach: `Budget partecipativo gestito dalla consulta, con un facilitatore; proposte raccolte nelle scuole; voto online e nei centri giovanili.`,
      resources: `15.000 € all’anno dal quartiere, 1 facilitatore a 10 ore settimanali.`,
      results: `Due progetti realizzati all’anno; partecipanti alla consulta da 12 a 52.`,
      difficulties: `Le regole contabili del Comune rallentano gli acquisti decisi dai ragazzi.`,
      transferability: `Serve un quartiere o Comune disposto a vincolare un budget alle decisioni dei giovani.`,
    },
    territories: ['IT-BO-BOLOGNA'],
    tags: ['giovani', 'partecipazione', 'bilancio-partecipativo'],
    authors: ['giulia'],
    days: { created: 190, published: 180 },
  }),
  practice({
    key: 'coding-club-barriera',
    title: 'A coding club for teenagers in Barriera di Milano',
    summary:
      'Teenagers from migrant families in a Turin neighbourhood learn to code two afternoons a week with university students, on refurbished laptops they can take home.',
    sections: {
      need: `Many teenagers in Barriera di Milano act as their parents' digital helpers but own no computer and have no access to coding or digital skills at school.`,
      approach: `Two afternoons a week in the neighbourhood hub; projects chosen by the kids (games, a website for the local market); on Saturdays the teenagers teach their parents.`,
      resources: `12 student mentors, 30 refurbished laptops donated by a bank, 15,000 € a year.`,
      results: `**70 teenagers** in two years; 11 chose a technical upper-secondary school.`,
      difficulties: `Girls joined only after we opened a girls-only group.`,
      transferability: `Needs a university nearby, a hub and a laptop donor.`,
    },
    territories: ['IT-TO-TORINO'],
    tags: ['inclusione-digitale', 'giovani', 'migranti'],
    authors: ['anna'],
    days: { created: 90, published: 88 },
  }),
  story({
    key: 'storia-karim',
    title: 'Karim, dal centro d’accoglienza al forno di Ballarò',
    summary: 'Arrivato a 17 anni, solo, Karim ha imparato l’italiano al doposcuola e il mestiere in un forno del quartiere. Oggi è lui ad aprire il forno alle quattro.',
    sections: {
      approach: `Karim è arrivato a Palermo dal Gambia nel 2019, minore non accompagnato. In comunità non voleva andare a scuola: "volevo lavorare, subito".
Il tirocinio al forno di Ballarò è arrivato dopo un anno di italiano; il fornaio, Totò, all’inizio lo faceva solo impastare.`,
      results: `Nel 2023 Karim è stato assunto a tempo indeterminato. Ora segue lui i nuovi tirocinanti della comunità.`,
    },
    territories: ['IT-PA-PALERMO'],
    tags: ['migranti', 'inserimento-lavorativo', 'storytelling'],
    authors: ['davide'],
    days: { created: 75, published: 70 },
  }),
];
