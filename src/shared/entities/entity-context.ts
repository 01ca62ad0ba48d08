/**
 * The general linguistic evidence the entity extractor reads around a name: words that
 * make a name a person, an organization or a place, and the cues of a sentence about
 * sport. None of these lists names an entity; they are English words of news writing.
 */
import type { Token } from './nlp-tokens';

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

export const CONTEXT = {
  /** Titles and honorifics, stripped from the front of a person's name. */
  titles: words(`
    mr mrs ms miss dr prof sir dame lord lady sen rep gov gen lt col sgt capt adm cpl maj rev hon
    president vice prime minister chancellor secretary senator governor mayor premier deputy
    general king queen prince princess pope sheikh ayatollah ambassador commander chief judge justice
    coach manager striker captain emir sultan cardinal archbishop bishop imam rabbi inspector detective
    professor doctor officer director chairman chairwoman chair
    señor señora sr sra srta doña senhor senhora herr frau monsieur madame mme mlle signor signora
    shri smt shrimati alhaji alhaja hajia mallam malam datuk dato datin tun haji ustaz mwalimu mzee
    grandad granddad grandpa grandma granny nana auntie aunty uncle aunt father fr`),
  /** Malay titles that "Seri" or "Sri" completes ("Datuk Seri Anwar Ibrahim", "Tan Sri"). */
  compoundTitleOpeners: words('datuk dato datin tan puan'),
  /** Titles that only stand before a person's name. */
  personalTitles: words(`
    mr mrs ms miss dr prof professor sir dame lord lady president senator governor mayor premier king
    queen prince princess pope sheikh ayatollah ambassador
    señor señora sr sra srta doña senhor senhora herr frau monsieur madame mme mlle signor signora
    shri smt shrimati alhaji alhaja hajia mallam malam datuk dato datin tun haji ustaz mwalimu mzee`),
  /**
   * Honorifics of news in English and of the languages its names come from ("Ms", "Señora",
   * "Herr", "Shri", "Alhaji", "Datuk"), as written: the word after one is a person's name.
   * Not "Don" or "Sri", which open English first names and "Sri Lanka".
   */
  honorifics: new Set(`
    Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Señor Señora Sr Sra Srta Doña Senhor Senhora Herr Frau
    Monsieur Madame Mme Mlle Signor Signora Shri Smt Shrimati Alhaji Alhaja Hajia Mallam Malam Datuk
    Dato Datin Tun Haji Ustaz Mwalimu Mzee`.split(/\s+/).filter(Boolean)),
  /** Nouns for people in an apposition ("Oksana Melnyk, 46, a former plant engineer", "the show's heroine, Yoon Seo-jin"). */
  personNouns: words(`
    farmer teacher student nurse resident worker vendor trader driver mother father widow widower
    survivor witness victim fisherman miner doctor engineer activist campaigner protester owner
    shopkeeper villager pensioner retiree entrepreneur businessman businesswoman banker investor
    scientist physician surgeon epidemiologist virologist historian sociologist politician diplomat
    heroine hero protagonist character presenter host musician composer poet filmmaker director
    producer athlete runner cyclist boxer swimmer champion veteran colonel lieutenant sergeant
    grandmother grandfather niece nephew cousin uncle aunt friend neighbour neighbor partner
    volunteer organiser organizer founder co-founder mp legislator deputy councillor councilor`),
  /** Role nouns right before a name ("spokesman John Kirby", "striker Ade Bello"). */
  personCues: words(`
    mr mrs ms miss dr prof sir dame sen rep gov gen
    spokesman spokeswoman spokesperson president minister secretary senator governor mayor premier
    chancellor ambassador commander chief executive ceo cfo founder chairman chairwoman director
    economist analyst striker midfielder defender goalkeeper forward winger coach manager captain
    player boss leader lawmaker official judge prosecutor lawyer attorney professor researcher author
    writer novelist actor actress singer rapper artist designer journalist editor reporter
    correspondent colleague wife husband son daughter mother father brother sister opposition
    candidate challenger incumbent rival teammate midfielder head governor-general envoy negotiator
    skipper keeper goalkeeper winger full-back centre-back substitute referee mep mp mla senator
    councillor councilor legislator congressman congresswoman debutant grandmother grandfather
    grandson granddaughter aunt uncle niece nephew cousin mentor protégé
    soprano mezzo-soprano mezzo contralto alto tenor countertenor baritone bass-baritone pianist violinist cellist conductor
    flanker hooker fly-half scrum-half lock prop fullback full-back batsman batter bowler pitcher quarterback`),
  /** Role nouns inside a capitalized run ("Chief Financial Officer Wendell Huang"): the name follows. */
  roleWords: words(`
    officer executive minister secretary president director chairman chairwoman chairperson governor
    commissioner spokesman spokeswoman spokesperson ambassador coach manager mayor senator judge
    chancellor premier editor founder ceo cfo coo cto envoy striker midfielder defender goalkeeper
    captain economist analyst strategist professor lawmaker commander fighter soldier militant
    negotiator adviser advisor aide
    soprano mezzo-soprano contralto tenor countertenor baritone bass-baritone pianist violinist cellist conductor
    flanker fly-half scrum-half fullback batsman bowler pitcher quarterback`),
  /** Words that may stand before a role in a title ("Chief Financial Officer", "Health Minister"). */
  roleModifiers: words(`
    chief financial operating executive technology deputy vice prime foreign finance health defence
    defense interior justice home state trade economy culture education energy environment labour
    labor transport assistant acting former senior managing national head first general interim
    investment market markets equity research principal lead club team`),
  /** Words that, with company-list words, make a run a company ("Toyota Motor", "Tokyo Electron"). */
  businessWords: words(`
    Motor Motors Group Holding Holdings Inc Inc. Ltd Ltd. Plc PLC Corp Corp. Corporation Company Co Co.
    Bank Capital Partners Electron Electronics Materials Platforms Games Technologies Technology Systems
    Energy Airlines Airways Pharmaceuticals Financial Securities Markets Semiconductor Industries
    Insurance Investments Ventures Labs Media Brands Foods Cement Steel Mining Telecom Communications
    Music Entertainment Studios Software Networks Automotive Chemicals Petroleum Oil Gas Power`),
  /** First words that make a capitalized run a place ("Lake Kivu", "Estadio Centenario"). */
  placeLeads: words('Lake Mount Mt Estadio Stade Stadio Stadion Cape Cap Fort Isla Isle Gulf Monte Sierra Cerro Mont Camp Río Rio Lago Laguna Col Passo Paso Avenida Calle Rua Jebel Jabal Wadi Salar'),
  /** Words after a name that make it a speaker. */
  reportingVerbs: words(`
    said says told added wrote explained argued warned noted insisted admitted acknowledged
    recalled confirmed denied claimed stressed urged tweeted posted replied`),
  /** A capital followed by one of these is its government ("Beijing warned"). */
  governmentVerbs: words(`
    said says has have had warned accused announced blamed urged denied insisted responded rejected
    demanded threatened agreed condemned criticised criticized welcomed imposed sanctioned wants hopes
    fears claimed notified maintains insists accuses rejects demands signalled signaled protested
    retaliated vowed pledged backed supports opposes expelled recalled summoned approved
    warns urges blames announces threatens condemns welcomes vows pledges`),
  /** A capital's possessive followed by one of these is its government ("Washington's support"). */
  governmentPossessions: words(`
    support decision policy policies position response stance government demands demand backing
    sanctions approach ally allies relations envoy diplomats officials foreign refusal efforts move`),
  /** A capital's possessive followed by one of these is the city ("Beijing's streets"). */
  cityPossessions: words(`
    streets street residents mayor airport airports suburbs outskirts centre center districts district
    metro subway skyline population neighbourhoods neighborhoods hospitals schools port river traffic
    air pollution roads buildings stadium university universities parks restaurants hotels housing
    homes old downtown city marathon`),
  /** Acronyms of things, measures and roles news writes in capitals, which name no body. */
  notNameAcronyms: new Set(
    `GDP GNP GNI CPI PPI PMI DNA RNA HIV AIDS COVID SARS MERS MRI ICU PPE BMI IVF VAR TEU DMA DSA GDPR IPO CEO CFO CTO COO
    ETF ETFS LNG LPG EVS VAT ESG NGO NGOS UAV UAVS SUV SUVS API APIS USB PDF LED LEDS LCD ATM ATMS SMS GPS OTC KWH MWH GWH TWH
    BPD LGBT LGBTQ STEM FAQ CCTV DIY HGV HGVS MPS MEP MEPS OBE MBE CBE RPG FPS DVD CPU GPU AGM EBIT EBITDA ROI YOY QOQ`.split(/\s+/),
  ),
  /** Nouns right before a name that make it an organization ("chipmaker Infineon", "rival Meituan"). */
  orgCues: words(`
    company firm group bank lender insurer carrier airline carmaker automaker chipmaker drugmaker
    vaccine-maker maker giant operator broadcaster regulator club side party startup start-up conglomerate
    retailer developer supplier manufacturer producer rival network platform label publisher miner
    refiner pollster utility agency newspaper outlet channel app brand band conglomerate watchdog
    militia coalition alliance union corporation subsidiary unit affiliate journal daily weekly
    magazine tabloid consultancy periodical bloc ministry lab laboratory bourse builder contractor charity
    website portal marketplace insurer exchange cooperative co-op gang cartel syndicate association federation`),
  /** Nouns that type a name only right before it ("the news site Médias24", "the flavour houses Symrise and Givaudan"), not in an apposition ("Kangerlussuaq, the site of …"). */
  orgCuesBefore: words('site sites house houses'),
  /** Lower-case nouns right after a name that make it an organization ("the Chega party", "the Wagner group"). */
  orgNounsAfter: words(`
    party alliance coalition movement militia militias bloc faction group company firm conglomerate
    lender carrier airline broadcaster newspaper union federation band label startup start-up`),
  /** Jobs held at an organization: the name after "at", "of", "for" is one ("an analyst at Renaissance", "chief executive of Safaricom"). */
  jobsAtOrgs: words(`
    analyst analysts economist economists strategist researcher researchers lecturer scientist
    scientists spokesperson spokesman spokeswoman executive executives ceo cfo chairman chairwoman
    founder co-founder engineer engineers employee employees staff lawyer lawyers shareholder
    shareholders investor investors partner board trader traders strategists`),
  /** What a business owns or has, after its possessive ("Eisai's shareholders", "Almarai's factories"). */
  businessPossessions: words(`
    shareholders shareholder investors employees workforce subsidiary subsidiaries parent customers subscribers
    listing factory factories plants plant mines mine executives chairman chairwoman directors brand brands products
    stores outlets branches fleet share market-share valuation earnings dividend ipo`),
  /** A business reporting its results ("posted a loss", "reported a net profit of"). */
  resultVerbs: words('posted posts reported reports booked books swung swings announced announces forecast forecasts raised raises cut cuts'),
  resultNouns: words(`
    profit profits loss losses revenue revenues sales earnings dividend dividends guidance turnover ebitda
    shipments deliveries orders bookings output`),
  /** Words of a statement before "on" and what it is made on ("said on X", "a post on Telegram"). */
  statementsOn: words('said says wrote writes posted posts announced announces shared shares post posts statement video message channel account streamed broadcast aired viewers'),
  /** Verbs of a business after "which" or "whose" ("McCormick, which buys vanilla", "Statnett, which runs the grid"). */
  corporateVerbs: words(`
    runs operates owns makes sells buys manufactures produces supplies builds employs manages represents controls
    publishes broadcasts distributes develops designs markets exports imports trades lends insures invests rates
    shares stock stocks shareholders revenue revenues profit profits sales customers employees subscribers
    run operate own make sell buy manufacture produce supply build employ manage publish distribute develop design export import lend insure`),
  /** Business nouns before "in", "of", "with" and an organization ("a stake in Zentrix", "a unit of Roche"). */
  orgOfNouns: words('stake stakes shareholding takeover acquisition merger subsidiary unit affiliate'),
  /** Lower-case nouns right after a name that make it a place ("Guro district", "the Dnipropetrovsk region"). */
  placeNounsAfter: words(`
    district districts province provinces region county territory municipality prefecture governorate
    oblast village town city neighbourhood neighborhood suburb township commune regions counties
    territories municipalities prefectures governorates villages towns cities suburbs communes quarter quarters`),
  /** Lower-case nouns of geography and facilities right after a name ("the Dniester river", "the Leușeni crossing", "Negros island", "the Upper Tamakoshi plant"). */
  featureNounsAfter: words(`
    river valley glacier crossing checkpoint island volcano mine mines plant station stations area peninsula
    lagoon basin desert forest canal dam pass mountains hills range plateau
    rivers valleys glaciers islands volcanoes lagoons canals dams lakes lock locks reservoir reservoirs`),
  /**
   * Lower-case nouns of sites after a name that is no ordinary word ("the Sangachal terminal", "the Rumaila field",
   * "the Bagram airfield"); "the Democratic field", "the Container terminal" name none.
   */
  siteNounsAfter: words('terminal terminals field fields oilfield gasfield airfield airstrip airbase'),
  /** Nouns before "of" that make the name after it a place ("the town of Enerhodar", "the outskirts of Goma"). */
  placeNounsBeforeOf: words('capital outskirts suburbs port'),
  /** Prepositions of location, the only evidence that lets a small town's name count. */
  locationPrepositions: words('in at near outside'),
  /** Place prepositions that let a weakly known place name count. */
  placePrepositions: words('in at from near outside across around to into toward towards throughout via inside'),
  /** Lower-case words allowed inside a name ("Bank of England", "Islamic Resistance in Iraq"). */
  connectors: words('of the for in on de du des la le el del di da do dos van von der den ten ter bin ibn'),
  /** Last words that make a capitalized run an organization. */
  orgHeads: words(`
    Bank Banks Bancorp Group Holdings Inc Inc. Ltd Ltd. Plc PLC LLC Corp Corp. Corporation Company Co Co.
    Partners Capital Ventures Technologies Technology Systems Motors Airlines Airways Energy Petroleum
    Oil Gas Pharmaceuticals Pharma Telecom Communications Media Insurance Securities Investments
    Industries Foods Brewery Breweries Mining Minerals Logistics Shipping Railways Rail Labs Software
    University College Institute Institution Academy School Hospital Clinic Society Foundation Trust
    Fund Council Commission Committee Authority Agency Agencies Bureau Office Department Ministry
    Service Services Board Court Tribunal Parliament Assembly Senate Congress Party Movement Front
    Alliance Union Federation Association League Club FC AFC United Rovers Wanderers Athletic
    Organisation Organization Network Forces Army Navy Guard Police Brigade Brigades Battalion
    Exchange Cooperative Times Post Journal News Herald Tribune Gazette Telegraph Observer Agency
    Treasury Motor Holding Markets Platforms Games Materials Electron Music Laboratory Laboratories Initiative
    Archdiocese Diocese Eparchy Patriarchate Collective
    Division Directorate Secretariat Inspectorate Administration Regulator Council Chamber Conference
    Confederation Institutes Museum Museums Library Orchestra Ballet Theatre Opera Winery Wineries Vineyards
    Distillery Distilleries
    Cement Steel Chemicals Electric Electronics Automotive Construction Properties Realty Retail
    Stores Brands Beverages Textiles Aerospace Defence Defense Biotech Therapeutics Semiconductor
    Semiconductors Microsystems Solutions Digital Interactive Entertainment Studios Pictures Records
    Publishing Press Broadcasting Television Radio Airline Hospitals Clinics Force Consortium
    Cup Trophy Championship Championships Bhd Berhad Sdn Tbk SA AG GmbH NV BV SpA ASA Oyj Pte
    Coalition Bloc Ratings Center Centre Survey Forum Railway División Divisão
    Lab Cruises Astronautics Aeronautics Robotics Contractors
    TV Examiner Chronicle Courier Inquirer Shimbun Ilbo Olympiad Paralympiad`),
  /** Words before "Centre" that make it a facility, a place ("Satish Dhawan Space Centre", "Jiuquan Satellite Launch Center"), not an institution. */
  facilityCentres: words('Space Launch Convention Conference Exhibition Shopping'),
  /**
   * First words that make a run an organization in the languages that put the head first
   * (Spanish, Portuguese, French, Italian, Malay, Indonesian, Polish: "Banco Nacional de Bolivia", "Bank Mandiri",
   * "Universiti Malaysia Sarawak", "Parti Keadilan Rakyat", "Museo del Oro").
   */
  headFirstOrgLeads: words(`
    Bank Banco Banca Banque Universidad Universidade Università Université Universiti Universitas Instituto
    Institut Istituto Museo Museu Musée Biblioteca Bibliothèque Partido Parti Partai Partito Ministerio
    Ministério Ministère Ministero Consejo Conselho Conseil Consiglio Comisión Comissão Commissione
    Fundación Fundação Fondation Fondazione Asociación Associação Federación Federação Fédération
    Federazione Confederación Confederação Sindicato Movimiento Movimento Mouvement Agencia Agência
    Agence Agenzia Hôpital Ospedale Clínica Escuela Escola École Colegio Sociedad Sociedade Société
    Società Grupo Groupe Gruppo Empresa Compañía Companhia Compagnie Caja Caixa Bolsa Secretaría
    Superintendencia Procuraduría Fiscalía Congreso Senado Cámara Câmara Assemblée Asamblea Tribunal
    Gabungan Pakatan Perikatan Barisan Dewan Majlis Kementerian Jabatan Lembaga Suruhanjaya Persatuan
    Defensoría Defensoria Contraloría Controladoria Personería Registraduría Ouvidoria
    Campeonato Copa Coppa Coupe Liga Torneo Jornal Diário Diario Periódico Revista Rádio Radio Televisión Televisão Junta`),
  /** Last words of a club's name that are also place words ("Coventry City", "Ipswich Town"): org in a sentence about sport. */
  clubHeads: words('City Town County United Athletic Albion Rovers Wanderers Rangers Villa Olympic Sporting'),
  /** Leading words of an organization name with "of" ("Ministry of Finance", "University of Lagos"). */
  orgLeads: words(`
    Bank Ministry Department University Institute College Academy Council Commission Office Bureau
    Court Board Federation Association Union League Party Church Organisation Organization School
    Federal National Royal Society Chamber Assembly Armed Forces Museum Centre Center Agency Authority
    Confederation Order Congress Institution Office Centres Centers Institutes Ministries Offices Archdiocese Diocese
    Centro Casa Museo Instituto Banco Consejo Comité Comisión Movement Front Alliance Coalition Survey
    Fund Foundation Trust Programme Administration Directorate Secretariat Inspectorate`),
  /** Last words that make a capitalized run a place. */
  placeHeads: words(`
    River Lake Sea Ocean Mountains Mountain Mount Hills Valley Island Islands Peninsula Desert Bay
    Gulf Strait Canal Coast Delta Basin Plateau Province Region County District Prefecture Oblast
    Airport Stadium Arena Bridge Port Harbour Harbor Street Road Avenue Square Park Dam Station
    Camp Village Town City Heights Falls Beach Reef Dome Base Plant Reservoir Arc Ridge Trench Range
    Parque Palace Cathedral Mosque Temple Castle Tower Terminal Pass Corridor Garden Gardens Drive
    Lane Boulevard Highway Motorway Expressway Quay Wharf Pier Docks Stand Oval Ground Racecourse
    Speedway Technopolis Glacier Icefield Fjord Fort
    Bazaar Mall Hotel Souk Route Complex Cosmodrome Spaceport Plaza`),
  /** Place heads that a number completes ("State Highway 2", "U.S. Route 20", "Launch Complex 1", "Terminal 3"). */
  numberedHeads: words('Highway Route Interstate Complex Terminal Pier Gate Platform Runway Berth Line'),
  /** Numbered heads that name a road on their own with the number ("Route 9", "Interstate 95"). */
  roadHeads: words('Highway Route Interstate'),
  /** First words of a place named with "of" ("Port of Longview", "Isle of Man"). */
  placeLeadsOf: words('Port Isle Bay Gulf Strait Sea Straits Valley'),
  /** Positions of players, between a team's name and a player's ("the Moana Pasifika flanker Brooklyn Sapolu", "the Rangers striker Ade Bello"). */
  sportsPositions: words(`
    striker midfielder defender goalkeeper keeper forward winger full-back fullback centre-back centre-half playmaker
    flanker hooker prop lock fly-half scrum-half number-eight batsman batter bowler opener wicketkeeper all-rounder
    pitcher quarterback linebacker guard centre center`),
  /** Sports as a body that governs one names them ("Sri Lanka Cricket", "Ghana Football Association", "Cricket Australia"). */
  sportNames: words(`
    Football Soccer Cricket Rugby Athletics Basketball Hockey Tennis Chess Cycling Volleyball Handball Boxing
    Swimming Golf Netball Baseball Softball Ski Badminton Judo Wrestling Rowing Sailing Esports Gymnastics`),
  /** Head words of a sport's governing body or league after the sport ("… Football Association", "… Cricket Board"). */
  sportsBodyHeads: words('Association Federation Confederation Union Board Council League'),
  /** Words of sport before a club's name ("leaders Botafogo", "defending champions Chelsea"), read only in a sentence about sport. */
  sportsOrgCues: words('leaders champions holders hosts visitors rivals opponents side club outfit'),
  /** Last words of runs that name no entity (laws, indices, prizes, works): the run is left out. */
  nonEntityHeads: words('Index Indices Act Bill Law Treaty Accord Agreement Award Awards Prize Festival Summit Protocol Doctrine Plan Strategy Programme Program Report'),
  /** Capitalized words that are never names on their own. */
  notNames: words(`
    The A An I It He She We They This That These Those There Here Mr Ms Mrs Dr Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December`),
  /** Words of a match beside a team's name ("beat Pakistan", "India collapsed", "against Estonia", "Ghana drew"). */
  matchWords: words(`
    beat beats beaten against over versus vs v play plays played drew lost won thrashed routed defeated
    eliminated collapsed resumed needing bowled batted above`),
  /** Words that make a sentence about sport. */
  sportsCues: words(`
    beat beats lost lose loses drew draw draws won win wins victory defeat match matches fixture
    game games goal goals scored scorer striker midfielder defender goalkeeper manager coach
    season league title champions cup final semi-final quarter-final club clubs fans stadium
    squad player players transfer signed relegation promoted promotion derby kick-off penalty
    trophy tournament points table`),
};

/** A sentence about sport, or a score ("2-1") in it. */
export function isSportsSentence(tokens: readonly Token[], sentence: number): boolean {
  for (const token of tokens) {
    if (token.sentence < sentence) continue;
    if (token.sentence > sentence) break;
    const word = token.text.toLowerCase();
    if (CONTEXT.sportsCues.has(word) || /^\d{1,2}-\d{1,2}$/.test(word)) return true;
  }
  return false;
}
