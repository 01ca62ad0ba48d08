import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '../../../../src/shared/archive-format';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 7 rules in src/shared/entities/entity-cues.ts, on sentences written for each (invented names). */
const article = (body: string): string => `Headline\n\n${body}`;
const find = (entities: readonly ArticleEntity[], alias: string): ArticleEntity | undefined => entities.find((e) => e.aliases.includes(alias));

describe('structure around untyped names (entity-cues)', () => {
  it('reads a one-word name told something, with no name evidence, as an outlet', () => {
    const entities = extractEntities(article('Her office told Velkora that she would ask for more time.'));
    expect(find(entities, 'Velkora')).toMatchObject({ type: 'org' });
  });

  it('keeps a surname told something a person when the article gives the full name', () => {
    const entities = extractEntities(article('Amina Tessaro chairs the board. Later the mayor told Tessaro that it was fine.'));
    expect(find(entities, 'Tessaro')).toMatchObject({ type: 'person', name: 'Amina Tessaro' });
  });

  it('places a person by the body they speak for with "of"', () => {
    const entities = extractEntities(article('"The plan is late," said Petra Lindmark of Vorsana.'));
    expect(find(entities, 'Petra Lindmark')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Vorsana')).toMatchObject({ type: 'org' });
  });

  it('reads a role over a field held "at" a name as a job at an organization', () => {
    const entities = extractEntities(article('"Prices will fall," said Lin Wai, head of metals research at Quarvex in London.'));
    expect(find(entities, 'Quarvex')).toMatchObject({ type: 'org' });
  });

  it('reads what is "-owned" or "-run" as an organization', () => {
    const entities = extractEntities(article("The licence went to Vietnam's state-owned Trovac, which had bid twice."));
    expect(find(entities, 'Trovac')).toMatchObject({ type: 'org' });
  });

  it('reads a facility named with one word of its kind before the noun as a place', () => {
    const entities = extractEntities(article('Engineers said the Dranok hydropower plant would hold back water in winter.'));
    expect(find(entities, 'Dranok')).toMatchObject({ type: 'place' });
  });

  it('types both names before a plural geographic noun, through the list', () => {
    const entities = extractEntities(article('Upstream, the Velka and Drosna rivers join below the gorge.'));
    expect(find(entities, 'Drosna')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Velka')).toMatchObject({ type: 'place' });
  });

  it('reads a quarter described in apposition as a place', () => {
    const entities = extractEntities(article('Boats from Guet Varn, the crowded fishing quarter of Saint-Louis, must leave.'));
    expect(find(entities, 'Guet Varn')).toMatchObject({ type: 'place' });
  });

  it('reads a name followed by "which rates" as a rating agency', () => {
    const entities = extractEntities(article('Markets barely moved. Korvath, which rates the bonds, called the deal neutral.'));
    expect(find(entities, 'Korvath')).toMatchObject({ type: 'org' });
  });
});

/** Round 8 rules in src/shared/entities/entity-cues.ts (invented names). */
describe('round 8: structure around untyped names (entity-cues)', () => {
  it('reads the source after "according to" as an organization when its data follow or it ends the clause', () => {
    const entities = extractEntities(article('Trading fell 18 percent, according to Quorvex data. Ballots were found in a store, according to Kelvo Online.'));
    expect(find(entities, 'Quorvex')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Kelvo Online')).toMatchObject({ type: 'org' });
  });

  it('reads teams a side plays against, a player plays for, or that stand before a position and a player, as organizations', () => {
    const entities = extractEntities(
      article('The squad flies to Suva for the opening match against the Vailima Kavers on August 9. Ioane Fitu plays in France for Varonne and was their top tackler this season. The other newcomer is the Moana Vaka flanker Brooklyn Sapolu, who scored twice in the final.'),
    );
    expect(find(entities, 'Vailima Kavers')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Varonne')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Moana Vaka')).toMatchObject({ type: 'org' });
  });

  it('reads a club named after its town, a surname too, as a team where a player plays for it', () => {
    const entities = extractEntities(article('Captain Sione Fanolu, who plays his club rugby for Sale Marlins in England, returns to the squad.'));
    expect(find(entities, 'Sale Marlins')).toMatchObject({ type: 'org' });
  });

  it('reads names that "which" and a plural verb of business follow as companies, a given name too', () => {
    const entities = extractEntities(article('Lumivar and Omar Haddad, which sell mostly linen, showed new lines.'));
    expect(find(entities, 'Omar Haddad')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Lumivar')).toMatchObject({ type: 'org' });
  });

  it('reads a word with a capital inside it as a brand, not a prefixed surname', () => {
    const entities = extractEntities(article('Lenders such as Orvia backed it. Traders moved to CoinVarro and away from rivals. The board hired Ewan MacAskill as adviser.'));
    expect(find(entities, 'CoinVarro')).toMatchObject({ type: 'org' });
    expect(find(entities, 'MacAskill')?.type).not.toBe('org');
  });

  it('reads what one writes or publishes in as a paper', () => {
    const entities = extractEntities(article('Writing in Kavlingske, the critic Ulla Berg praised the score.'));
    expect(find(entities, 'Kavlingske')).toMatchObject({ type: 'org' });
  });

  it('reads a business based somewhere, or what runs a thing, as an organization', () => {
    const entities = extractEntities(article('The plant was built by the Singapore-based Hydrava in 2008. Each plant draws power from the grid run by Sonvelga, which met a record peak.'));
    expect(find(entities, 'Hydrava')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Sonvelga')).toMatchObject({ type: 'org' });
  });

  it('reads a name of a few unlisted words after "in" or "near" as a place', () => {
    const entities = extractEntities(article('Ranchers near Paso de los Toritos said feedlots were full. A school will open in Le Papaigalu next year.'));
    expect(find(entities, 'Paso de los Toritos')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Le Papaigalu')).toMatchObject({ type: 'place' });
  });
});

describe('round 9: structure around untyped names (entity-cues)', () => {
  it('reads what one is told with an article before it as an outlet, not a person', () => {
    const entities = extractEntities(article('Fraser told the Morvale Examinar last month that two colleges could close.'));
    expect(find(entities, 'Morvale Examinar')).toMatchObject({ type: 'org' });
  });

  it('reads what broadcasts a match, and what viewers watch it on, as organizations', () => {
    const entities = extractEntities(article('The final was broadcast by Quenta Vision and drew 410,000 viewers on Strevio.'));
    expect(find(entities, 'Quenta Vision')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Strevio')).toMatchObject({ type: 'org' });
  });

  it('reads a name described as the capital or a town, closing the apposition, as a place, but not a person from the town', () => {
    const entities = extractEntities(article('Much of the money reaches Qardhoole, the capital, where traders are pleased. Aputsaq Klovik, a fisherman from the town, told reporters.'));
    expect(find(entities, 'Qardhoole')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Aputsaq Klovik')?.type).not.toBe('place');
  });

  it('types an example list by a category noun whose plural ends in -ies', () => {
    const entities = extractEntities(article('Remittance companies such as Hawalvo finance a large share of the trade.'));
    expect(find(entities, 'Hawalvo')).toMatchObject({ type: 'org' });
  });

  it('reads "the governing" or "the ruling" name as a body', () => {
    const entities = extractEntities(article('The motion passed after the governing Tamaqiit backed it.'));
    expect(find(entities, 'Tamaqiit')).toMatchObject({ type: 'org' });
  });

  it('reads what a side hosts in a sentence about sport as a side, but not who a player beats', () => {
    const entities = extractEntities(article('Extra trains will run on Sunday, when Racing Club host Velmonte in the derby, the biggest match of the season. Solberg, the top seed, beat Torvik Aasmund in the final round of the chess championship.'));
    expect(find(entities, 'Velmonte')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Torvik Aasmund')?.type).not.toBe('org');
  });
});

describe('round 10: sites named by a lower-case noun after them (entity-cues)', () => {
  it('reads a name before "terminal", "field" or "airfield" as a place, one noun of its kind between or not', () => {
    const entities = extractEntities(article('Tankers sail to the Varnok terminal on the coast. Crews drilled at the Ostrava Nova field and the Zelvar gas field. Planes landed at the Kurdab airfield.'));
    expect(find(entities, 'Varnok')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Zelvar')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Kurdab')).toMatchObject({ type: 'place' });
  });

  it('reads no place in an ordinary word before "field" ("the Democratic field")', () => {
    const entities = extractEntities(article('The Democratic field narrowed on Monday as two candidates quit.'));
    expect(entities.filter((e) => e.type === 'place')).toEqual([]);
  });
});
