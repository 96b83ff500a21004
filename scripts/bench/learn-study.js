// A generated fictional study of informal carers in Veendijk, for measuring `qda learn`: interviews
// whose paragraphs say what the codes are about mostly in words the small codebook does not list
// (and sometimes use its words for something else), coded by the researcher with inline comments.
// Deterministic: the same options give the same bytes. Used by the learning benchmark and by
// tests/learn/cross-validation.test.ts; run alone with
//   node scripts/bench/learn-study.js DIR [--documents 30] [--paragraphs 12] [--coded 30]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { random } from './corpus.js';

export const CODEBOOK = `# The codebook of the generated Veendijk study: few terms on purpose (see scripts/bench/learn-study.js).
name: Mantelzorg Veendijk
language: nl
codes:
  - id: zorg
    label: { nl: Zorg, en: Care }
    children:
      - id: zorg.wachttijd
        label: { nl: Wachten op zorg, en: Waiting for care }
        terms: [wachtlijst*]
      - id: zorg.respijt
        label: { nl: Respijt, en: Respite }
        terms: [respijtzorg, logeeropvang]
  - id: geld
    label: { nl: Geld, en: Money }
    children:
      - id: geld.kosten
        label: { nl: Kosten, en: Costs }
        terms: [kosten, kost, "eigen bijdrage"]
  - id: netwerk
    label: { nl: Netwerk, en: Network }
    children:
      - id: netwerk.buren
        label: { nl: Buren, en: Neighbours }
        terms: [buren, buurvrouw]
      - id: netwerk.familie
        label: { nl: Familie, en: Family }
        terms: [broer, zus]
  - id: belasting
    label: { nl: Belasting, en: Burden }
    children:
      - id: belasting.zwaar
        label: { nl: Zwaar, en: Heavy }
        terms: [overbelast*]
`;

/** What carers say about each code: a few clauses use the codebook's terms, most do not. */
const SAYINGS = {
  'zorg.wachttijd': [
    'we staan al maanden op de wachtlijst voor een verpleeghuis',
    'de aanvraag ligt al een half jaar stil bij het zorgkantoor',
    'na de intake hoorden we twaalf weken helemaal niets',
    'de indicatie laat maar op zich wachten',
    'er is nergens een plek vrij in de regio',
    'het duurt eindeloos voordat er iemand komt voor het keukentafelgesprek',
    'we wachten nog steeds op een plek in de dagopvang',
    'de thuiszorg kan pas over drie maanden beginnen',
    'elke keer als ik bel zeggen ze dat het nog even duurt',
    'de wachttijd voor een casemanager is veel te lang',
    'de beslissing over de aanvraag is weer uitgesteld',
  ],
  'zorg.respijt': [
    'een weekend per maand gaat ze naar de logeeropvang',
    'dankzij de respijtzorg kom ik af en toe op adem',
    'twee dagen per week gaat hij naar de dagbesteding en dan heb ik even vrij',
    'een vrijwilliger neemt het op woensdag van me over',
    'ik kon een week weg omdat ze tijdelijk in een logeerhuis terecht kon',
    'de zorgboerderij geeft me elke dinsdag een paar uur rust',
    'af en toe even niets hoeven is goud waard',
    'door de vervangende zorg thuis kan ik weer sporten',
    'op vrijdag komt er iemand zodat ik er even uit kan',
    'een middag per week ben ik vrij en dan ga ik fietsen',
  ],
  'geld.kosten': [
    'de eigen bijdrage voor de thuiszorg is weer omhoog gegaan',
    'de kosten van de aanpassingen in huis betalen we zelf',
    'de rekening voor de rolstoel was honderden euro',
    'we leggen elke maand flink bij voor de medicijnen',
    'aan het einde van de maand is het geld op',
    'de verzekering vergoedt de traplift niet',
    'van het persoonsgebonden budget blijft weinig over',
    'ik ben minder gaan werken en dat scheelt veel salaris',
    'parkeren bij het ziekenhuis is duur',
    'we hebben een lening afgesloten voor de badkamer',
  ],
  'netwerk.buren': [
    'de buurvrouw doet soms boodschappen voor ons',
    'de buren letten op als ik weg ben',
    'de man van nummer twaalf maait ons gras',
    'iemand uit de straat brengt elke zondag soep',
    'de overburen hebben een sleutel voor noodgevallen',
    'in de flat helpen we elkaar waar het kan',
    'het meisje van hiernaast laat de hond uit',
    'de bewonersvereniging heeft een klusjesdienst opgezet',
    'een kennis om de hoek rijdt ons naar de huisarts',
    'de mensen naast ons bellen aan als de gordijnen dicht blijven',
  ],
  'netwerk.familie': [
    'mijn broer komt een keer per maand helpen',
    'mijn zus neemt de administratie op zich',
    'mijn dochter komt elke avond even langs',
    'mijn zoon regelt de afspraken met de dokter',
    'mijn schoonzus kookt op zaterdag voor ons',
    'de kinderen hebben samen een rooster voor de bezoekjes gemaakt',
    'mijn neef helpt met de computer en de formulieren',
  ],
  'belasting.zwaar': [
    'soms ben ik zo moe dat ik niet meer kan slapen',
    'ik voel me overbelast en heb geen tijd voor mezelf',
    'het wordt me allemaal te veel',
    'ik ben vaak prikkelbaar en huil om niks',
    'mijn eigen gezondheid gaat achteruit',
    'ik heb al maanden geen vriendin meer gezien',
    'het voelt alsof ik er alleen voor sta',
    'aan het einde van de dag ben ik uitgeput',
    'de zorg vreet al mijn energie op',
    'op mijn werk kan ik me niet meer concentreren',
  ],
};

/** How often a paragraph is about a code, relative to the others: family help is rare. */
const WEIGHT = { 'zorg.wachttijd': 3, 'zorg.respijt': 3, 'geld.kosten': 3, 'netwerk.buren': 3, 'netwerk.familie': 1, 'belasting.zwaar': 3 };

/** About none of the codes. */
const NEUTRAL = [
  'we wonen hier al dertig jaar',
  'het is een rustige straat met veel groen',
  'de bus rijdt niet meer door onze wijk',
  'vroeger werkte hij in de haven',
  'ze houdt van tuinieren en van oude films',
  'op zondag kijken we samen naar het voetbal',
  'het weer was slecht deze week',
  'de kat slaapt de hele dag op de bank',
  'we zijn lang geleden in deze kerk getrouwd',
  'de markt op zaterdag is gezellig',
  'hij leest elke ochtend de krant',
  'het huis heeft een grote tuin achter',
];

/** About none of the codes, in words the codebook takes for one. */
const TRAPS = [
  'het kost tijd om de formulieren in te vullen',
  'het kost moeite om alles bij te houden',
  'de zus van mijn vriendin werkt in een bakkerij',
  'de buren hebben een nieuwe auto gekocht',
  'de wachtlijst van de tennisclub is lang',
  'mijn broer woont in Canada en belt op haar verjaardag',
];

const OPENERS = ['', '', 'nou, ', 'kijk, ', 'eerlijk gezegd, ', 'tja, ', 'weet je, '];
const TAILS = ['', '', ', dat is gewoon zo', ', zeker in de winter', ' en dat merk je', ', zo gaat dat'];
const DISTRICTS = ['Noord', 'Oost', 'Zuid', 'West'];

const pick = (next, list) => list[Math.floor(next() * list.length)];

function sentence(next, clause) {
  const text = `${pick(next, OPENERS)}${clause}${pick(next, TAILS)}.`;
  return text[0].toUpperCase() + text.slice(1);
}

function pickCode(next, not) {
  const codes = Object.keys(WEIGHT).filter((c) => !not.includes(c));
  let r = next() * codes.reduce((a, c) => a + WEIGHT[c], 0);
  for (const c of codes) if ((r -= WEIGHT[c]) < 0) return c;
  return codes[codes.length - 1];
}

/** One paragraph: its text and the codes it is about (none for a third of them). */
export function paragraph(next) {
  const r = next();
  const codes = r < 0.35 ? [] : r < 0.85 ? [pickCode(next, [])] : [];
  if (r >= 0.85) codes.push(pickCode(next, []), pickCode(next, codes));
  const clauses = codes.map((c) => pick(next, SAYINGS[c]));
  if (codes.length === 0 || next() < 0.3) clauses.push(pick(next, next() < 0.4 ? TRAPS : NEUTRAL));
  if (codes.length === 0 && next() < 0.5) clauses.push(pick(next, NEUTRAL));
  for (let k = clauses.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [clauses[k], clauses[j]] = [clauses[j], clauses[k]];
  }
  return { text: clauses.map((c) => sentence(next, c)).join(' '), codes: codes.sort() };
}

/**
 * Writes `documents` interviews of `paragraphs` paragraphs into `dir/corpus/` with a codebook and a
 * qda.yaml; the first `coded` interviews carry the researcher's decisions after each paragraph
 * (`<!-- qda: code -->`, or a reject where a paragraph has none of the codes).
 */
export function writeStudy(dir, { documents = 30, paragraphs = 12, coded = documents } = {}) {
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK);
  writeFileSync(join(dir, 'qda.yaml'), 'corpus: [corpus/**/*.md]\ncodebook: codebook.yaml\n');
  let bytes = 0;
  let codedParagraphs = 0;
  for (let d = 0; d < documents; d++) {
    const next = random(d + 1);
    const id = `mantelzorger-${String(d + 1).padStart(4, '0')}`;
    const blocks = [`---\nid: ${id}\nwijk: ${DISTRICTS[d % DISTRICTS.length]}\nspeakers: { R: mantelzorger }\n---\n\n# Gesprek`];
    for (let p = 0; p < paragraphs; p++) {
      const { text, codes } = paragraph(next);
      const decision = d >= coded ? '' : codes.length > 0 ? ` <!-- qda: ${codes.join(', ')} -->` : ' <!-- qda: -geld.kosten -->';
      if (decision) codedParagraphs++;
      blocks.push(`**R:** ${text}${decision}`);
    }
    const text = `${blocks.join('\n\n')}\n`;
    const folder = join(dir, 'corpus', `part-${String(Math.floor(d / 100)).padStart(3, '0')}`);
    if (d % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${id}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { documents, paragraphs: documents * paragraphs, coded: codedParagraphs, bytes };
}

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir || dir.startsWith('--')) {
    console.error('usage: node scripts/bench/learn-study.js DIR [--documents 30] [--paragraphs 12] [--coded N]');
    process.exit(2);
  }
  const documents = option('--documents', 30);
  const made = writeStudy(dir, { documents, paragraphs: option('--paragraphs', 12), coded: option('--coded', documents) });
  console.log(`${made.documents} documents, ${made.paragraphs} paragraphs (${made.coded} coded), ${(made.bytes / 1e6).toFixed(2)} MB in ${dir}`);
}
