import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '../../../../src/shared/archive-format';
import { extractEntities } from '../../../../scripts/archive/entities';
import { compileKnowledge } from '../../../../src/shared/entities/knowledge';

/** A title block, then the body, as `articleFullText` joins them. */
const article = (body: string): string => `Headline\n\n${body}`;

function find(entities: readonly ArticleEntity[], alias: string): ArticleEntity | undefined {
  return entities.find((entity) => entity.aliases.includes(alias));
}

describe('extractEntities on sentences written for each rule', () => {
  it('takes a name defined by an acronym in parentheses whole, across "and", and joins the acronym', () => {
    const text = article(
      'Ships queued off the coast, said the Harbour and Pilotage Authority of Veloria (HPAV). ' +
        'Freight moved by Northern Continental Freightways (NC) was delayed, and HPAV said on Monday it would add berths.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'HPAV')).toMatchObject({ type: 'org', name: 'Harbour and Pilotage Authority of Veloria', count: 3 });
    expect(find(entities, 'Northern Continental Freightways')).toMatchObject({ type: 'org' });
  });

  it('keeps a one-word company before "and" apart from the company after it', () => {
    const entities = extractEntities(article('The berths are run by Zorvex and Quillan Harbour Corporation. Zorvex gained 2 per cent.'));
    expect(find(entities, 'Zorvex')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Quillan Harbour Corporation')).toMatchObject({ type: 'org' });
  });

  it('reads two unknown names coordinated after a preposition of location as places', () => {
    const entities = extractEntities(article('Traders crossed at Mbevu and Ruzanga, the officials said.'));
    expect(find(entities, 'Mbevu')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Ruzanga')).toMatchObject({ type: 'place' });
  });

  it('lists a day with its part as one date, and an outlet a person is quoted to as an organization', () => {
    const entities = extractEntities(article('The vote ended on Thursday evening. "We lost," the mayor told Diario Velquez.'));
    expect(find(entities, 'Thursday evening')).toMatchObject({ type: 'date' });
    expect(find(entities, 'Thursday')).toBeUndefined();
    expect(find(entities, 'Diario Velquez')).toMatchObject({ type: 'org' });
  });

  it('keeps "Manchester United" and a later "United" one club, and "Manchester" the city a place', () => {
    const text = article(
      'Manchester United beat Chelsea 2-1 on Saturday. United had trailed at half-time. ' +
        'The win delighted fans in Manchester, where the club was founded.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'United')).toMatchObject({ type: 'org', name: 'Manchester United', count: 2 });
    expect(find(entities, 'Manchester')).toMatchObject({ type: 'place', name: 'Manchester' });
    expect(find(entities, 'Chelsea')).toMatchObject({ type: 'org' });
  });

  it('reads a city that is also a club as the club only in a sentence about sport', () => {
    const entities = extractEntities(
      article('Liverpool drew 1-1 with Everton in the league. Separately, house prices in Liverpool rose.'),
    );
    const liverpool = entities.filter((entity) => entity.aliases.includes('Liverpool'));
    expect(liverpool.map((entity) => entity.type).sort()).toEqual(['org', 'place']);
  });

  it('joins "the IMF" to "International Monetary Fund", and "Ms Okafor" to "Ngozi Okafor"', () => {
    const text = article(
      'Ngozi Okafor, an economist at the International Monetary Fund, said growth would slow. ' +
        'The IMF cut its forecast on Tuesday, and Ms Okafor said the cut was modest.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'IMF')).toMatchObject({ type: 'org', name: 'International Monetary Fund', count: 2 });
    const okafor = find(entities, 'Okafor');
    expect(okafor).toMatchObject({ type: 'person', name: 'Ngozi Okafor', count: 2 });
    expect(entities.some((entity) => entity.aliases.some((alias) => alias.startsWith('Ms')))).toBe(false);
  });

  it('leaves titles and possessives out of names, and keeps offsets exact', () => {
    const text = article("President Amara Diallo's government fell. Dr. Chen Wei's study was published in Nature."); 
    const entities = extractEntities(text);
    expect(find(entities, 'Amara Diallo')).toMatchObject({ type: 'person' });
    for (const entity of entities) {
      for (const [start, end] of entity.mentions) {
        const surface = text.slice(start, end);
        expect(entity.aliases).toContain(surface);
        expect(surface).not.toMatch(/^(?:President|Dr\.?) |'s$/);
      }
    }
  });

  it('reads "Washington" as the US government when it acts, as the state when it says so', () => {
    const government = extractEntities(article('Washington warned Beijing on Monday that new tariffs were coming.'));
    expect(find(government, 'Washington')).toMatchObject({ type: 'place', name: 'United States' });
    expect(find(government, 'Beijing')).toMatchObject({ type: 'place', name: 'Beijing' });

    const state = extractEntities(article('Apple growers in Washington State expect a record harvest.'));
    expect(find(state, 'Washington State')).toMatchObject({ type: 'place', name: 'Washington State' });
  });

  it('makes an acronym in parentheses an alias of the name before it', () => {
    const text = article(
      'The Kenya National Bureau of Statistics (KNBS) said inflation eased. KNBS will publish again next month.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'KNBS')).toMatchObject({ type: 'org', name: 'Kenya National Bureau of Statistics', count: 3 });
  });

  it('types unknown names by their head word and a role before them', () => {
    const text = article(
      'Shares of Lagos Cement Holdings rose after spokeswoman Adaeze Nwosu spoke at Lekki Harbour on Friday.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'Lagos Cement Holdings')?.type).toBe('org');
    expect(find(entities, 'Adaeze Nwosu')?.type).toBe('person');
    expect(find(entities, 'Lekki Harbour')?.type).toBe('place');
    expect(find(entities, 'Friday')?.type).toBe('date');
  });

  it('types names in a list like the typed names beside them, but not an opening phrase', () => {
    const text = article(
      'The fund sold stakes in Samsung, Zentrix and Apple on Monday. Buses stopped at Busia and Kaliro. ' +
        'In Nairobi, Otieno and Kamau said the talks had failed.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'Zentrix')?.type).toBe('org');
    expect(find(entities, 'Kaliro')?.type).toBe('place');
    expect(find(entities, 'Otieno')?.type).not.toBe('place');
  });

  it('types a name by the category noun around it, and an acronym that speaks as an organization', () => {
    const text = article(
      'Leaders of the Zorba party met near the town of Kelmora on Tuesday, in the Varesh district. ' +
        'A Hutu militia was blamed. The FDMR said it would respond.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'Zorba')?.type).toBe('org');
    expect(find(entities, 'Kelmora')?.type).toBe('place');
    expect(find(entities, 'Varesh')?.type).toBe('place');
    expect(find(entities, 'Hutu')).toBeUndefined();
    expect(find(entities, 'FDMR')?.type).toBe('org');
  });

  it('finds people from an age, a role phrase or an honorific around their names', () => {
    const text = article(
      'Tavita Leaupepe, 46, lost her stall. The report came from the governor of the region, Olek Brzanski. ' +
        'Alhaji Danladi said the market would reopen, and Señora Quispe agreed.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'Tavita Leaupepe')?.type).toBe('person');
    expect(find(entities, 'Olek Brzanski')?.type).toBe('person');
    expect(find(entities, 'Danladi')?.type).toBe('person');
    expect(find(entities, 'Quispe')?.type).toBe('person');
    expect(entities.some((entity) => entity.aliases.some((alias) => /^(?:Alhaji|Señora) /.test(alias)))).toBe(false);
  });

  it('shows the fullest name the article writes for a known entity', () => {
    const entities = extractEntities(article('Tencent Holdings reported profits on Wednesday. Tencent shares rose.'));
    expect(find(entities, 'Tencent')).toMatchObject({ type: 'org', name: 'Tencent Holdings', count: 2 });
  });

  it('writes dates without their preposition and leaves durations and vague spans out', () => {
    const text = article(
      'Talks began in mid-October and resumed last week, three years after the first round; ' +
        'in recent months prices rose, and a deal is due by the first quarter of 2025.',
    );
    const dates = extractEntities(text).filter((entity) => entity.type === 'date').map((entity) => entity.name).sort();
    expect(dates).toEqual(['last week', 'mid-October', 'the first quarter of 2025']);
  });
  it('keeps a possessive inside an institution name, and a head-first lead word of other languages', () => {
    const entities = extractEntities(
      article(
        "Patients were moved to St Brendan's Hospital on Monday. The Universidad Técnica de Oruro and the " +
          'Parti Rakyat Sabah both objected, while Grupo Lumbre said the plan was sound. ' +
          "Kenya's Ondiri said nothing.",
      ),
    );
    expect(find(entities, "St Brendan's Hospital")).toMatchObject({ type: 'org' });
    expect(find(entities, 'Universidad Técnica de Oruro')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Parti Rakyat Sabah')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Grupo Lumbre')).toMatchObject({ type: 'org' });
    expect(entities.some((entity) => entity.aliases.some((alias) => alias.startsWith("Kenya's")))).toBe(false);
  });

  it('finds people from a surname used alone later, "who" after a name, a title with its office and Malay honorifics', () => {
    const text = article(
      'Tavish Orkandi took three wickets before lunch. Orkandi later said the pitch was slow. ' +
        'The squad was led by her old mentor, Pello Ibarrunde, who retired in May. ' +
        'Secretary of State Lorna Vexhill certified the count, and Datuk Seri Hamzan Tulis congratulated the winners.',
    );
    const entities = extractEntities(text);
    expect(find(entities, 'Orkandi')).toMatchObject({ type: 'person', name: 'Tavish Orkandi', count: 2 });
    expect(find(entities, 'Pello Ibarrunde')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Lorna Vexhill')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Hamzan Tulis')).toMatchObject({ type: 'person' });
    expect(entities.some((entity) => entity.aliases.includes('Seri Hamzan Tulis'))).toBe(false);
  });

  it('keeps the article of a decade and of the start of a month, and reads airlines by their short name', () => {
    const entities = extractEntities(
      article('Fares rose in the 1990s and again at the start of March, JetBlue said. Lufthansa disagreed last December.'),
    );
    const dates = entities.filter((entity) => entity.type === 'date').map((entity) => entity.name);
    expect(dates).toEqual(expect.arrayContaining(['the 1990s', 'the start of March', 'last December']));
    expect(find(entities, 'JetBlue')).toMatchObject({ type: 'org', name: 'JetBlue' });
    expect(find(entities, 'Lufthansa')).toMatchObject({ type: 'org' });
  });
});

describe('extractEntities on the rules of the sixth round', () => {
  it('shows a known name the article writes only as its acronym as written, with the known id', () => {
    const eu = find(extractEntities(article('Farmers in Zedland want EU money. The EU said on Monday it would decide in May.')), 'EU');
    expect(eu).toMatchObject({ type: 'org', name: 'EU', id: 'org:european-union' });
  });

  it('reads seasons by their two years, weeks of a month, holidays and a weekday with its date as dates', () => {
    const entities = extractEntities(
      article('He may leave after the 2027–28 season. Talks resume in the second week of February, before Eid al-Fitr, and end on Saturday 14 February.'),
    );
    for (const date of ['2027–28 season', 'the second week of February', 'Eid al-Fitr', 'Saturday 14 February']) expect(find(entities, date)).toMatchObject({ type: 'date' });
    expect(find(entities, '2027')).toBeUndefined();
  });

  it('reads organizations from news grammar: a platform spoken on, what runs or is owned, what a country owns, a transfer', () => {
    const entities = extractEntities(
      article(
        'The rebels said on Zorbix that talks had failed. Quellant, which runs the national grid, said power was back. ' +
          'Vantoria, owned by Abra Group, declined to comment. Shares rose after Chile’s Marvelko bid. ' +
          'The guard signed a three-year contract with Kavrytas on Tuesday.',
      ),
    );
    for (const org of ['Zorbix', 'Quellant', 'Vantoria', 'Marvelko', 'Kavrytas']) expect(find(entities, org)).toMatchObject({ type: 'org' });
  });

  it('reads a country that plays, in an article about sport, as its national team', () => {
    const entities = extractEntities(
      article(
        'Bangladesh beat Pakistan by seven wickets in the first Test. The win lifted them in the table. ' +
          'Pakistan collapsed to 189 all out on the fourth day of the match. Fans in Bangladesh celebrated the series win.',
      ),
    );
    expect(entities.find((e) => e.id === 'org:pakistan')).toMatchObject({ type: 'org' });
    expect(entities.find((e) => e.id === 'org:bangladesh')).toMatchObject({ type: 'org' });
    expect(entities.find((e) => e.id === 'place:bangladesh')).toMatchObject({ type: 'place', count: 1 });
  });

  it('reads places from a geographic noun after the name and a country after it in commas', () => {
    const entities = extractEntities(article('Barges waited on the Vorlesk river. The race opens in Kallavik, Finland, on Sunday.'));
    expect(find(entities, 'Vorlesk')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Kallavik')).toMatchObject({ type: 'place' });
  });
});

describe('extractEntities over a knowledge object', () => {
  it('is a function of the text and the knowledge it is given', () => {
    const knowledge = compileKnowledge({
      entries: [{ type: 'org', name: 'Acme Widgets', kind: 'company', aliases: [['Acme', 'strong']] }],
    });
    const text = article('Acme said sales fell in Zedland.');
    expect(find(extractEntities(text, knowledge), 'Acme')).toMatchObject({ type: 'org', name: 'Acme Widgets' });
    expect(find(extractEntities(text), 'Acme')?.name).not.toBe('Acme Widgets');
  });

  it('honours a weak alias only with evidence around it', () => {
    const knowledge = compileKnowledge({
      entries: [{ type: 'place', name: 'Sandton', kind: 'city', aliases: [['Sandton', 'weak']] }],
    });
    const withPreposition = extractEntities(article('Bankers met in Sandton on Monday.'), knowledge);
    expect(find(withPreposition, 'Sandton')?.type).toBe('place');
    const bare = extractEntities(article('Sandton voted against it.'), knowledge);
    expect(find(bare, 'Sandton')).toBeUndefined();
  });
});
