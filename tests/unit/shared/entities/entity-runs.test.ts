import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '../../../../src/shared/archive-format';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 7 rules in src/shared/entities/entity-runs.ts and entity-context.ts, on sentences written for each (invented names). */
const article = (body: string): string => `Headline\n\n${body}`;
const find = (entities: readonly ArticleEntity[], alias: string): ArticleEntity | undefined => entities.find((e) => e.aliases.includes(alias));

describe('names typed by their own words and the words around them (entity-runs)', () => {
  it('reads names opening with a Romance article as no person', () => {
    const entities = extractEntities(article('The minister vowed to fight gangs such as Los Brazos and Los Tercos in the port.'));
    expect(find(entities, 'Los Brazos')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Los Tercos')).toMatchObject({ type: 'org' });
    expect(entities.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('reads what reports that something is so as a paper, the article opening the sentence included', () => {
    const entities = extractEntities(article('Officials spoke. La Crónica reported that the ministry had cut its budget. Trelvik reported on Thursday that investors had been told.'));
    expect(find(entities, 'La Crónica')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Trelvik')).toMatchObject({ type: 'org' });
  });

  it('opens organizations with head words of dioceses and Spanish public bodies, and places with "Camp" and "Río"', () => {
    const entities = extractEntities(
      article('The Archdiocese of Velmora said tours were booked. The Defensoría del Ciudadano said it had 214 complaints. Camp Dorvan offered help. A reservoir on the Río Calvo is planned.'),
    );
    expect(find(entities, 'Archdiocese of Velmora')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Defensoría del Ciudadano')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Camp Dorvan')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Río Calvo')).toMatchObject({ type: 'place' });
  });

  it('trims "Father" from a priest\'s name', () => {
    const entities = extractEntities(article('"It is back," said Father Tomas Veliko, the administrator. Veliko rang the bell.'));
    expect(find(entities, 'Tomas Veliko')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Father Tomas Veliko')).toBeUndefined();
  });

  it('keeps a demonym inside a body named after its head word and "of the"', () => {
    const entities = extractEntities(article('The work was led by the Heritage Board of the Slovak Republic, with masons from Levoča.'));
    expect(find(entities, 'Heritage Board of the Slovak Republic')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Slovak Republic')).toBeUndefined();
  });

  it('does not make a company a person for being called a rival', () => {
    const entities = extractEntities(article('The merged firm must share its towers with Qomvex, its only remaining national rival.'));
    expect(find(entities, 'Qomvex')?.type).not.toBe('person');
  });

  it('does not read an ordinary word after a possessive as a one-word person', () => {
    const entities = extractEntities(article("Forecasters expect rain, which Lloyd's List said would allow more transits."));
    expect(find(entities, 'List')).toBeUndefined();
  });

  it('does not read an organization noun in a clause of where as an apposition', () => {
    const entities = extractEntities(article('Rivals fear losing provinces such as Battambang and Kravanh, where the operator built its network first.'));
    expect(find(entities, 'Kravanh')).toMatchObject({ type: 'place' });
  });
});

/** Round 8 rules in src/shared/entities/entity-runs.ts and entity-context.ts (invented names). */
describe('round 8: names typed by their own words and the words around them (entity-runs)', () => {
  it('reads "Lab", "Cruises", "Astronautics" and "Contractors" as company heads', () => {
    const entities = extractEntities(
      article('Velmont Lab said the launch went well. Tarsa Cruises said it would move two calls. The satellite was built by Orvane Astronautics. Talbeh Contractors and Nerosi Electric built the dam.'),
    );
    expect(find(entities, 'Velmont Lab')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Tarsa Cruises')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Orvane Astronautics')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Talbeh Contractors')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Nerosi Electric')).toMatchObject({ type: 'org' });
  });

  it('opens an organization name with "Fund", "Foundation" or "Administration" and "for" or "of"', () => {
    const entities = extractEntities(article('Money came from the Kelvara Fund for Rural Development. The Harlan Administration of Ports agreed.'));
    expect(find(entities, 'Kelvara Fund for Rural Development')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Harlan Administration of Ports')).toMatchObject({ type: 'org' });
  });

  it('reads a voice type or a sports position before a name as a person cue', () => {
    const entities = extractEntities(article('Soprano Sigrun Lanvik sang the widow; the Faroese baritone Runi Joensvik sang the pastor. The flanker Kaveli Sapoa scored.'));
    expect(find(entities, 'Sigrun Lanvik')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Runi Joensvik')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Kaveli Sapoa')).toMatchObject({ type: 'person' });
  });

  it('reads a name in apposition with a kind of organization as one, over its given name', () => {
    const entities = extractEntities(article('Passengers came through the port, according to Luka Brdavic, the company that runs the pier.'));
    expect(find(entities, 'Luka Brdavic')).toMatchObject({ type: 'org' });
  });

  it('keeps a person described by the body they work for a person', () => {
    const entities = extractEntities(article('Luka Brdavic, a company director, said the pier was full.'));
    expect(find(entities, 'Luka Brdavic')).toMatchObject({ type: 'person' });
  });

  it('reads a role held at a body named before it as a role before a person', () => {
    const entities = extractEntities(article('AfDB director for East Africa, Nkemdi Obiaku, said the audit would be released.'));
    expect(find(entities, 'Nkemdi Obiaku')).toMatchObject({ type: 'person' });
  });

  it('keeps an ordinary word that is a given name opening a sentence when "who" follows the name', () => {
    const entities = extractEntities(article('About 2,400 households will move. Hope Mwandoleka, who chairs a cooperative, said families were promised land.'));
    expect(find(entities, 'Hope Mwandoleka')).toMatchObject({ type: 'person' });
  });

  it('reads a name with its possessive acting as a subject as a business', () => {
    const entities = extractEntities(article("Markets barely moved. Moody's, which raised the rating in March, said more. Analysts noted that Dervin's cut its forecast."));
    expect(find(entities, "Moody's")).toMatchObject({ type: 'org' });
    expect(find(entities, "Dervin's")).toMatchObject({ type: 'org' });
  });

  it('keeps a portfolio of more than one word in a ministry\'s name', () => {
    const entities = extractEntities(article('The Ministry of Energy, Water Resources and Irrigation said the line was late.'));
    expect(find(entities, 'Ministry of Energy, Water Resources and Irrigation')).toMatchObject({ type: 'org' });
  });

  it('completes a road or a facility with its number, and reads bazaars, malls and hotels as places', () => {
    const entities = extractEntities(article('Trucks left State Highway 7 near the coast. The rocket flew from Launch Complex 2 on the peninsula. Stalls in the Varkali Bazaar stayed open.'));
    expect(find(entities, 'State Highway 7')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Launch Complex 2')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Varkali Bazaar')).toMatchObject({ type: 'place' });
  });

  it("opens an institution's name with a known place written with a possessive", () => {
    const entities = extractEntities(article("The work is done with the Hawke's Bay Regional Council and farmers."));
    expect(find(entities, "Hawke's Bay Regional Council")).toMatchObject({ type: 'org' });
  });
});

describe('round 8: the people of a place (entity-runs, knowledge.ts)', () => {
  it('does not read a demonym\'s plural after a reporting verb as a person', () => {
    const entities = extractEntities(article('Its deputy secretary general, Grace Lissuma, said Tanzanians "deserve to know what we owe".'));
    expect(find(entities, 'Tanzanians')).toBeUndefined();
  });
});

describe('round 9: names typed by their own words (entity-runs, entity-context)', () => {
  it('reads a broadcaster by its head word, first ("Radio …") or last ("… TV"), and papers by theirs', () => {
    const entities = extractEntities(article('Benítez spoke to Radio Velmira from the union offices. The final was shown by Quenta TV. Tanaka writes for the Hokuro Shimbun.'));
    expect(find(entities, 'Radio Velmira')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Quenta TV')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Hokuro Shimbun')).toMatchObject({ type: 'org' });
  });

  it('reads an olympiad as a competition', () => {
    const entities = extractEntities(article('The title gives her a place in the national team for the Draughts Olympiad in Budapest.'));
    expect(find(entities, 'Draughts Olympiad')).toMatchObject({ type: 'org' });
  });
});

describe('round 9: appositions that name a body (entity-appositions)', () => {
  it('reads a name described as a body after it, closed there, as an organization', () => {
    const entities = extractEntities(article("Not everyone agrees. KVARTO, the association of fishermen and hunters, said ships would scare seals. Families sleep in the stadium of Estrela da Lagoa, the city's football club. The permit, approved by the Tolvaarnik, Greenland's cabinet, covers one deposit."));
    expect(find(entities, 'KVARTO')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Estrela da Lagoa')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Tolvaarnik')).toMatchObject({ type: 'org' });
  });

  it('reads a name in commas after a body noun as that body', () => {
    const entities = extractEntities(article("Argentina's train drivers' union, La Hermandad Ferroviaria, halted every service on Monday."));
    expect(find(entities, 'La Hermandad Ferroviaria')).toMatchObject({ type: 'org' });
  });

  it('keeps a person described by the body they serve a person', () => {
    const entities = extractEntities(article("Maria Lopez, the party's leader, said no. John Harlan, a union official, agreed."));
    expect(find(entities, 'Maria Lopez')).toMatchObject({ type: 'person' });
    expect(find(entities, 'John Harlan')).toMatchObject({ type: 'person' });
  });
});

describe('round 9: "and" and place heads inside a body named by its lead word and "of" (entity-runs)', () => {
  it('keeps two fields named by ordinary words one name, and two names with their own heads apart', () => {
    const entities = extractEntities(article('He heads the Association of the Pacific Tours and Travel Agencies in the region. Bank of Georgia and TBC Bank rose.'));
    expect(find(entities, 'Association of the Pacific Tours and Travel Agencies')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Bank of Georgia')).toMatchObject({ type: 'org' });
    expect(find(entities, 'TBC Bank')).toMatchObject({ type: 'org' });
  });

  it('reads a ministry whose last portfolio is a place head as the ministry', () => {
    const entities = extractEntities(article('Permits go through the federal Ministry of Livestock, Forestry and Range.'));
    expect(find(entities, 'Ministry of Livestock, Forestry and Range')).toMatchObject({ type: 'org' });
  });
});

describe('round 10: national sports bodies, bodies after a demonym, numbered roads, passes (entity-runs)', () => {
  it("reads a country before a sport's body or top league as that country's own body, not a known body of another", () => {
    const entities = extractEntities(article('The Zambia Football Association fined the club on Monday, and the Zambia Premier League suspended two matches.'));
    expect(find(entities, 'Zambia Football Association')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Zambia Premier League')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Football Association')).toBeUndefined();
    expect(find(entities, 'Premier League')).toBeUndefined();
  });

  it('reads a country beside a sport alone as its governing body', () => {
    const entities = extractEntities(article('Officials at Nepal Cricket said the squad would fly out on Monday. Rugby Canada named its captain.'));
    expect(find(entities, 'Nepal Cricket')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Rugby Canada')).toMatchObject({ type: 'org' });
  });

  it('keeps a country before a known body that is no sport body apart ("US National Security Council")', () => {
    const entities = extractEntities(article('The US National Security Council met on Monday.'));
    expect(find(entities, 'National Security Council')).toMatchObject({ type: 'org' });
    expect(find(entities, 'US National Security Council')).toBeUndefined();
  });

  it("reads a state or province before a known body as that region's own body", () => {
    const entities = extractEntities(article('Voters in Sabah elect the Sabah Legislative Assembly on Saturday.'));
    expect(find(entities, 'Sabah Legislative Assembly')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Legislative Assembly')).toBeUndefined();
  });

  it('reads a demonym before a body known by one word as a description: the name is the body', () => {
    const entities = extractEntities(article('The Zambian Treasury said on Monday it would issue a bond. The Chilean Parliament voted on the budget.'));
    expect(find(entities, 'Treasury')).toMatchObject({ type: 'org', name: 'Treasury' });
    expect(find(entities, 'Parliament')).toMatchObject({ type: 'org', name: 'Parliament' });
    expect(find(entities, 'Zambian Treasury')).toBeUndefined();
    expect(find(entities, 'Egyptian Football Association')).toBeUndefined();
    expect(find(extractEntities(article('The Egyptian Football Association appealed.')), 'Egyptian Football Association')).toMatchObject({ type: 'org' });
  });

  it('reads a name part that news places something near or around as a place, unless the article names a person by it', () => {
    const entities = extractEntities(article('Fighters were captured near Hamid on Monday, and roads around Karim stay shut.'));
    expect(find(entities, 'Hamid')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Karim')).toMatchObject({ type: 'place' });
    const person = extractEntities(article('Reporters stood near Hamid as he spoke. Ali Hamid said the talks would go on.'));
    expect(find(person, 'Hamid')).toMatchObject({ type: 'person', name: 'Ali Hamid' });
  });

  it('reads a road named by its number alone as a place', () => {
    const entities = extractEntities(article('The crash closed Route 9 near the border on Friday, and traffic on Interstate 81 backed up for miles.'));
    expect(find(entities, 'Route 9')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Interstate 81')).toMatchObject({ type: 'place' });
  });

  it('reads a mountain pass named by its Romance lead word as a place', () => {
    const entities = extractEntities(article('The riders climbed the Col du Galibier on Tuesday, and on Wednesday the Passo Fedaia.'));
    expect(find(entities, 'Col du Galibier')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Passo Fedaia')).toMatchObject({ type: 'place' });
  });
});

describe('round 11: lists, head words before "of", bodies by their roles and seats (entity-runs, entity-cues, entity-context)', () => {
  it('closes a list of names at its "and" after a comma, so the last two names stay two', () => {
    const entities = extractEntities(article('The loan was arranged by Corvane Bank, Société Melvaux and Trondabank, the regulator said.'));
    expect(find(entities, 'Société Melvaux')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Société Melvaux and Trondabank')).toBeUndefined();
  });

  it('types a name by the head word before its "of" or "for"', () => {
    const entities = extractEntities(
      article('The Supreme Tribunal of the Veldan Judiciary ruled on Monday. The Marovian Forum for the Wetlands said the road cut into mangroves.'),
    );
    expect(find(entities, 'Supreme Tribunal of the Veldan Judiciary')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Marovian Forum for the Wetlands')).toMatchObject({ type: 'org' });
  });

  it('reads what has a president or a director as a body', () => {
    const entities = extractEntities(article("The deal was signed by the minister and the Velmoria's president, Ana Corte. Guests toured the Brastow's galleries."));
    expect(find(entities, 'Velmoria')).toMatchObject({ type: 'org' });
  });

  it('reads a name described by a body\'s noun and then "who" as a person', () => {
    const entities = extractEntities(article('Workers were angry. Tahmina Roshid, a sewing operator who escaped the fire, said the doors were locked.'));
    expect(find(entities, 'Tahmina Roshid')?.type).not.toBe('org');
  });

  it('reads what "is based in" a place and takes "which" as a body', () => {
    const entities = extractEntities(article('Prices fell. Quarvex, which is based in Ohio and runs a plant on the coast, declined to comment.'));
    expect(find(entities, 'Quarvex')).toMatchObject({ type: 'org' });
  });

  it('types places by head-first words (Avenida, Wadi, Salar, "Valley of") and spaceports and plazas by their heads', () => {
    const entities = extractEntities(
      article(
        'Crowds gathered on Avenida Torvel and walked to Wadi Sarhun. Money will go to towns around the Salar de Quenta. ' +
          'The rocket lifted off from the Dornak Cosmodrome. The Velan Plaza building collapsed. The tomb lies in the Valley of the Queens.',
      ),
    );
    for (const name of ['Avenida Torvel', 'Wadi Sarhun', 'Salar de Quenta', 'Dornak Cosmodrome', 'Velan Plaza', 'Valley of the Queens']) {
      expect(find(entities, name), name).toMatchObject({ type: 'place' });
    }
  });

  it('opens a regional government with "Junta" and types a name after "association" or "federation"', () => {
    const entities = extractEntities(
      article('Nurses called on the regional government, the Junta de Morvelia, to hire staff. The farmers\' association Asterra said olive groves were suffering.'),
    );
    expect(find(entities, 'Junta de Morvelia')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Asterra')).toMatchObject({ type: 'org' });
  });
});

describe('round 11: speakers that are bodies, subjects of what was said, companies with a place head (entity-runs)', () => {
  it('reads a speaker known only by its verb, named with an ordinary plural noun, as no person', () => {
    const entities = extractEntities(article('The board met on Monday. Zelvan Farmers said the ministry should delay the rules. Writing in Politiken, the critic Ulla Bang said the score was fine.'));
    expect(find(entities, 'Zelvan Farmers')?.type).not.toBe('person');
    expect(find(entities, 'Ulla Bang')).toMatchObject({ type: 'person' });
  });

  it('reads a name after "said" that has a verb of its own as the subject of what was said, not a speaker', () => {
    const entities = extractEntities(article('Prices rose. Quaye said Tembrod had cut its arrears by a third since January.'));
    expect(find(entities, 'Tembrod')?.type).not.toBe('person');
  });

  it('reads a name with a place head word that has a chief executive as a company', () => {
    const entities = extractEntities(article("Orders rose. Korvath Ocean's chief executive, Lee Sang, told analysts the yard was full."));
    expect(find(entities, 'Korvath Ocean')).toMatchObject({ type: 'org' });
  });
});

describe('round 11: a plural\'s apostrophe inside a body\'s name (entity-runs)', () => {
  it('keeps "Workers\' Union" and "Shareholders\' Fund" inside the name, and a lower-case head outside it', () => {
    const entities = extractEntities(article("Talks stalled. The Velmar Metal Workers' Union said its members would strike. Shares in the Quorvan Shareholders' Fund rose. The farmers' union said so."));
    expect(find(entities, "Velmar Metal Workers' Union")).toMatchObject({ type: 'org' });
    expect(find(entities, "Quorvan Shareholders' Fund")).toMatchObject({ type: 'org' });
    expect(find(entities, 'Union')).toBeUndefined();
  });
});
