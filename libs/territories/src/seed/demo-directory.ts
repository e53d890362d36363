import type { EntityManager } from 'typeorm';

interface DemoPeople {
  chiara: string;
  marco: string;
  elena: string;
  luca: string;
}

/**
 * Regions and provinces beyond the Lombard and Piedmontese ones the
 * territories' migration holds, for the living labs of the demo in Emilia,
 * Campania and Sicily: ISO 3166-2 code, ISTAT code, official name, parent.
 */
const REGIONS_AND_PROVINCES: { code: string; istat: string; name: string; level: 'REGION' | 'PROVINCE'; parent: string | null }[] = [
  { code: 'IT-45', istat: '08', name: 'Emilia-Romagna', level: 'REGION', parent: null },
  { code: 'IT-72', istat: '15', name: 'Campania', level: 'REGION', parent: null },
  { code: 'IT-82', istat: '19', name: 'Sicilia', level: 'REGION', parent: null },
  { code: 'IT-BO', istat: '037', name: 'Bologna', level: 'PROVINCE', parent: 'IT-45' },
  { code: 'IT-NA', istat: '063', name: 'Napoli', level: 'PROVINCE', parent: 'IT-72' },
  { code: 'IT-PA', istat: '082', name: 'Palermo', level: 'PROVINCE', parent: 'IT-82' },
];

/** Districts: social-plan areas (no ISTAT code) and the municipalities where a demo practice happens, with their ISTAT codes. */
const DISTRICTS: { code: string; name: string; parent: string; istat?: string }[] = [
  { code: 'IT-LC-LECCO', name: 'Ambito territoriale di Lecco', parent: 'IT-LC' },
  { code: 'IT-MI-NORD', name: 'Ambito Milano Nord', parent: 'IT-MI' },
  { code: 'IT-VB-OSSOLA', name: 'Ossola', parent: 'IT-VB' },
  { code: 'IT-BG-SERIANA', name: 'Ambito Valle Seriana', parent: 'IT-BG' },
  { code: 'IT-BG-BERGAMO', name: 'Comune di Bergamo', parent: 'IT-BG', istat: '016024' },
  { code: 'IT-BS-BRESCIA', name: 'Comune di Brescia', parent: 'IT-BS', istat: '017029' },
  { code: 'IT-TO-TORINO', name: 'Comune di Torino', parent: 'IT-TO', istat: '001272' },
  { code: 'IT-BO-BOLOGNA', name: 'Comune di Bologna', parent: 'IT-BO', istat: '037006' },
  { code: 'IT-NA-NAPOLI', name: 'Comune di Napoli', parent: 'IT-NA', istat: '063049' },
  { code: 'IT-PA-PALERMO', name: 'Comune di Palermo', parent: 'IT-PA', istat: '082053' },
];

const ORGANIZATIONS = [
  { key: 'milano', name: 'Comune di Milano', kind: 'PUBLIC_BODY', territory: 'IT-MI', website: 'https://www.comune.milano.it' },
  { key: 'lecco', name: 'Comune di Lecco', kind: 'PUBLIC_BODY', territory: 'IT-LC', website: 'https://www.comune.lecco.it' },
  { key: 'novara', name: 'Comune di Novara', kind: 'PUBLIC_BODY', territory: 'IT-NO', website: 'https://www.comune.novara.it' },
  { key: 'vicini', name: 'Associazione Vicini di Casa', kind: 'ASSOCIATION', territory: 'IT-MI-NORD', website: null },
  { key: 'ponte', name: 'Cooperativa Sociale Il Ponte', kind: 'COOPERATIVE', territory: 'IT-LC-LECCO', website: null },
  { key: 'terreAlte', name: 'Fondazione Terre Alte', kind: 'FOUNDATION', territory: 'IT-VB', website: null },
  { key: 'ossola', name: 'Consorzio Servizi Sociali Ossola', kind: 'CONSORTIUM', territory: 'IT-VB-OSSOLA', website: null },
] as const;

type OrganizationKey = (typeof ORGANIZATIONS)[number]['key'];

const PROJECTS: {
  slug: string;
  title: string;
  summary: string;
  startsOn: string;
  endsOn: string;
  themes: string[];
  territories: string[];
  partners: [OrganizationKey, 'LEAD' | 'PARTNER'][];
  team: [keyof DemoPeople, 'LEAD' | 'MEMBER', string][];
}[] = [
  {
    slug: 'custodi-di-quartiere',
    title: 'Custodi di quartiere',
    summary:
      'Residents trained as neighbourhood custodians keep an eye on older people living alone, connect them with services and organise small everyday help.',
    startsOn: '2023-09-01',
    endsOn: '2026-08-31',
    themes: ['elderly-care', 'community-development', 'volunteer-management'],
    territories: ['IT-MI-NORD'],
    partners: [['milano', 'LEAD'], ['vicini', 'PARTNER']],
    team: [['chiara', 'LEAD', 'project coordinator'], ['marco', 'MEMBER', 'community worker']],
  },
  {
    slug: 'montagna-che-cura',
    title: 'Montagna che cura',
    summary:
      'Mountain villages of the Ossola share a travelling nurse, a community taxi and digital help desks so that older people can keep living at home.',
    startsOn: '2024-01-15',
    endsOn: '2026-12-31',
    themes: ['elderly-care', 'digital-inclusion'],
    territories: ['IT-VB-OSSOLA'],
    partners: [['ossola', 'LEAD'], ['terreAlte', 'PARTNER']],
    team: [['luca', 'LEAD', 'lab manager']],
  },
  {
    slug: 'lavoro-in-rete',
    title: 'Lavoro in rete',
    summary: 'Employers, social cooperatives and job centres share one pathway into work for people far from the labour market.',
    startsOn: '2022-03-01',
    endsOn: '2025-02-28',
    themes: ['work-inclusion', 'network-governance'],
    territories: ['IT-LC-LECCO'],
    partners: [['ponte', 'LEAD'], ['lecco', 'PARTNER']],
    team: [['marco', 'LEAD', 'job coach']],
  },
  {
    slug: 'case-condivise',
    title: 'Case condivise',
    summary: 'Empty flats owned by the municipality become shared homes for young people and families in need, managed with the tenants.',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    themes: ['housing', 'families', 'youth'],
    territories: ['IT-NO'],
    partners: [['novara', 'LEAD']],
    team: [['elena', 'LEAD', 'housing officer'], ['chiara', 'MEMBER', 'mentor from Milano']],
  },
];

/** Districts, organizations and living labs of the demo, with the demo people in their teams. */
export async function seedDemoDirectory(manager: EntityManager, people: DemoPeople): Promise<void> {
  // The path is the trigger's, from the parent: parents are inserted first.
  for (const place of REGIONS_AND_PROVINCES) {
    await manager.query(
      `INSERT INTO territory (code, istat_code, name, level, parent_id, path)
       VALUES ($1, $2, $3, $4, (SELECT id FROM territory WHERE code = $5), '')`,
      [place.code, place.istat, place.name, place.level, place.parent],
    );
  }
  for (const district of DISTRICTS) {
    await manager.query(
      `INSERT INTO territory (code, istat_code, name, level, parent_id, path)
       VALUES ($1, $2, $3, 'DISTRICT', (SELECT id FROM territory WHERE code = $4), '')`,
      [district.code, district.istat ?? null, district.name, district.parent],
    );
  }
  const organizationIds = {} as Record<OrganizationKey, string>;
  for (const org of ORGANIZATIONS) {
    const [row] = (await manager.query(
      `INSERT INTO organization (name, kind, territory_id, website)
       VALUES ($1, $2, (SELECT id FROM territory WHERE code = $3), $4) RETURNING id`,
      [org.name, org.kind, org.territory, org.website],
    )) as [{ id: string }];
    organizationIds[org.key] = row.id;
  }
  for (const project of PROJECTS) {
    const [row] = (await manager.query(
      `INSERT INTO project (slug, title, summary, starts_on, ends_on, themes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [project.slug, project.title, project.summary, project.startsOn, project.endsOn, project.themes],
    )) as [{ id: string }];
    await manager.query(
      `INSERT INTO project_territory (project_id, territory_id) SELECT $1, id FROM territory WHERE code = ANY($2)`,
      [row.id, project.territories],
    );
    for (const [org, role] of project.partners) {
      await manager.query(`INSERT INTO project_partner (project_id, organization_id, role) VALUES ($1, $2, $3)`, [
        row.id,
        organizationIds[org],
        role,
      ]);
    }
    for (const [person, role, title] of project.team) {
      await manager.query(`INSERT INTO project_member (project_id, user_id, role, title) VALUES ($1, $2, $3, $4)`, [
        row.id,
        people[person],
        role,
        title,
      ]);
    }
  }
}
