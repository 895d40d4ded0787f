"""Demo content for `manage.py load_demo`: the reference release and the school's other news.

The reference release carries every fact of the U-Multirank 2021 press release of
IMT Mines Alès, retold in our own words; the other releases are plausible news of
an engineering school, some in French only.
"""

REFERENCE_KEY = "u-multirank-2021"

INSTITUTION = {
    "name": "IMT Mines Alès",
    "address": "6 avenue de Clavières\n30100 Alès\nFrance",
    "website": "https://www.imt-mines-ales.fr/",
    "social_profiles": "https://www.linkedin.com/school/imt-mines-ales/",
    # The school's director is its director of publication (the seed names him).
    "publication_director": "Pierre Perdiguier, directeur par intérim",
    "about_fr": (
        "<p>IMT Mines Alès est une grande école d’ingénieurs de l’Institut Mines-Télécom. "
        "Elle forme des ingénieurs généralistes et spécialisés, et mène des recherches sur "
        "les matériaux, l’environnement, les risques et le numérique.</p>"
    ),
    "about_en": (
        "<p>IMT Mines Alès is an engineering school of the Institut Mines-Télécom. It trains "
        "general and specialist engineers and carries out research on materials, the "
        "environment, risks and digital systems.</p>"
    ),
}

CONTACTS = [
    {
        "key": "pierre-perdiguier",
        "name_fr": "Pierre Perdiguier",
        "name_en": "Pierre Perdiguier",
        "role_fr": "Directeur par intérim",
        "role_en": "Interim Director",
        "organisation_fr": "IMT Mines Alès",
        "organisation_en": "IMT Mines Alès",
        "email": "pierre.perdiguier@mines-ales.fr",
        "phone": "",
        "position": 10,
    },
    {
        "key": "press-office",
        "name_fr": "Service communication",
        "name_en": "Communications office",
        "role_fr": "Relations presse",
        "role_en": "Press relations",
        "organisation_fr": "IMT Mines Alès",
        "organisation_en": "IMT Mines Alès",
        "email": "presse@example.org",
        "phone": "+33 4 66 00 00 00",
        "position": 0,
    },
    {
        "key": "research-office",
        "name_fr": "Claire Fabre",
        "name_en": "Claire Fabre",
        "role_fr": "Chargée de communication recherche",
        "role_en": "Research communications officer",
        "organisation_fr": "IMT Mines Alès",
        "organisation_en": "IMT Mines Alès",
        "email": "recherche-presse@example.org",
        "phone": "+33 4 66 00 00 01",
        "position": 20,
    },
]

REFERENCE_RELEASE = {
    "key": REFERENCE_KEY,
    "published_at": "2021-09-22T09:00",
    "dateline": "Alès",
    "image": False,  # its hero image is a picture of its press kit (REFERENCE_HERO)
    "contacts": ["pierre-perdiguier"],
    "title_fr": (
        "IMT Mines Alès classée 1re en France pour l’enseignement et l’apprentissage "
        "dans le palmarès mondial U-Multirank 2021"
    ),
    "title_en": (
        "IMT Mines Alès ranked first in France for teaching and learning "
        "in the 2021 U-Multirank global ranking"
    ),
    "slug_fr": "imt-mines-ales-1re-en-france-enseignement-apprentissage-u-multirank-2021",
    "slug_en": "imt-mines-ales-first-in-france-teaching-learning-u-multirank-2021",
    "standfirst_fr": (
        "Pour sa deuxième année dans le classement mondial U-Multirank, financé par le "
        "programme européen Erasmus+, l’école obtient dix fois la note maximale et partage "
        "la première place nationale dans la catégorie « enseignement et apprentissage »."
    ),
    "standfirst_en": (
        "In its second year in the U-Multirank global ranking, funded by the European "
        "Erasmus+ programme, the school earns the top grade ten times and shares first "
        "place in France for teaching and learning."
    ),
    "body_fr": """
<p>Le classement mondial U-Multirank, soutenu par l’Union européenne au titre du programme
Erasmus+, a publié son édition 2021 : près de 1 800 écoles et universités de 96 pays y sont
évaluées.</p>
<p>Présente dans ce palmarès pour la deuxième année consécutive, IMT Mines Alès y confirme
des résultats en progression. L’école obtient à dix reprises la note maximale, « très bien » :</p>
<ul>
<li>4 fois dans la catégorie « enseignement et apprentissage » ;</li>
<li>3 fois dans la catégorie « transfert technologique » ;</li>
<li>2 fois dans la catégorie « recherche » ;</li>
<li>1 fois dans la catégorie « ouverture internationale ».</li>
</ul>
<h2>Première en France pour l’enseignement et l’apprentissage</h2>
<p>Dans la catégorie « enseignement et apprentissage », l’école se classe 1re en France,
ex aequo avec quatre autres écoles : un signe de la qualité de l’accompagnement de ses élèves
et de leur réussite. Elle gagne en outre une note maximale supplémentaire dans la catégorie
« recherche ».</p>
<p>Ce résultat prolonge celui du classement mondial Times Higher Education Impact, consacré
au développement durable et sociétal, où l’école figure dans le top 400 mondial et le top 10
français (<a href="https://www.timeshighereducation.com/impactrankings">découvrir le classement
THE Impact</a>).</p>
<h2>Ce qu’en dit la direction</h2>
<blockquote>
<p>« Nous sommes très fiers de notre présence cette année encore dans le palmarès
international U-Multirank. »</p>
<p>Pierre Perdiguier, directeur par intérim de l’école</p>
</blockquote>
<p>Pour Pierre Perdiguier, ce classement assoit la notoriété internationale de l’école, après
ses bons résultats au THE Impact ; il compte d’autant plus qu’il est porté par le programme
européen Erasmus+, auquel l’école est très attachée.</p>
<blockquote>
<p>« C’est une réelle reconnaissance pour nos élèves et une promesse d’attractivité pour notre
école dans le monde entier. »</p>
<p>Eric Vivien, directeur de l’action internationale</p>
</blockquote>
<p>Eric Vivien y voit aussi une nouvelle occasion, pour IMT Mines Alès, de rayonner à
l’international.</p>
""",
    "body_en": """
<p>U-Multirank, the global ranking supported by the European Union through its Erasmus+
programme, has published its 2021 edition, assessing nearly 1,800 universities and schools
in 96 countries.</p>
<p>IMT Mines Alès appears in the ranking for the second year running, with results that keep
improving. The school receives the top grade, “very good”, ten times:</p>
<ul>
<li>4 times for teaching and learning;</li>
<li>3 times for knowledge transfer;</li>
<li>2 times for research;</li>
<li>once for international orientation.</li>
</ul>
<h2>First in France for teaching and learning</h2>
<p>For teaching and learning, the school ranks first in France, tied with four other schools,
a sign of how well its students are supported and how well they succeed. It also gains one
more top grade for research than in the previous edition.</p>
<p>The result builds on the school’s showing in the Times Higher Education Impact Rankings,
which measure contributions to sustainable and social development, where it places in the
world’s top 400 and France’s top 10
(<a href="https://www.timeshighereducation.com/impactrankings">see the THE Impact
Rankings</a>).</p>
<h2>What the school’s leaders say</h2>
<blockquote>
<p>“We are very proud to be part of the international U-Multirank ranking again this
year.”</p>
<p>Pierre Perdiguier, Interim Director of the school</p>
</blockquote>
<p>Pierre Perdiguier says the ranking strengthens the school’s international reputation,
alongside its strong THE Impact results, and matters all the more because it is run by the
European Erasmus+ programme, to which the school is deeply committed.</p>
<blockquote>
<p>“It is real recognition for our students and a promise that our school will attract
people from all over the world.”</p>
<p>Eric Vivien, Director of International Relations</p>
</blockquote>
<p>Eric Vivien also sees it as one more way for IMT Mines Alès to shine internationally.</p>
""",
}

# Other news: (key, published_at, title_fr, title_en, standfirst_fr, standfirst_en,
# paragraph_fr, paragraph_en). A None English title makes a French-only release.
OTHER_RELEASES = [
    (
        "rentree-2019",
        "2019-09-03T10:00",
        "Rentrée 2019 : 420 nouveaux élèves ingénieurs accueillis sur le campus",
        "Back to school 2019: 420 new engineering students welcomed on campus",
        "La promotion 2022 compte un tiers de femmes et 18 nationalités.",
        "The class of 2022 is one third women and comes from 18 countries.",
        "Une semaine d’intégration, construite avec les associations étudiantes, leur fait "
        "découvrir l’école, la ville d’Alès et les Cévennes avant le début des cours.",
        "An induction week, organised with the student associations, introduces them to the "
        "school, the town of Alès and the Cévennes before classes begin.",
    ),
    (
        "plateforme-feux-de-foret",
        "2019-10-17T09:30",
        "Une plateforme d’essais pour mieux comprendre les feux de forêt",
        "A new test platform to better understand forest fires",
        "Les chercheurs de l’école disposent d’un banc unique en France pour étudier la "
        "propagation des incendies.",
        "The school’s researchers now have a test bench unique in France to study how "
        "wildfires spread.",
        "Financée par la Région Occitanie, la plateforme permet de reproduire en laboratoire "
        "la combustion de végétaux méditerranéens et d’en mesurer les émissions.",
        "Funded by the Occitanie region, the platform reproduces the burning of Mediterranean "
        "vegetation in the lab and measures what it releases.",
    ),
    (
        "diplomes-2019",
        "2019-11-23T15:00",
        "Cérémonie de remise des diplômes : la promotion 2019 à l’honneur",
        None,
        "Plus de 300 jeunes ingénieurs ont reçu leur diplôme au Cratère, à Alès.",
        "",
        "Parents, enseignants et entreprises partenaires se sont réunis pour célébrer une "
        "promotion dont 92 % des membres avaient trouvé un emploi avant même la cérémonie.",
        "",
    ),
    (
        "continuite-pedagogique-2020",
        "2020-03-17T18:00",
        "Covid-19 : l’école passe tous ses cours à distance",
        "Covid-19: the school moves all its teaching online",
        "Dès le premier jour du confinement, les 1 400 élèves ont pu suivre leurs cours en ligne.",
        "From the first day of lockdown, all 1,400 students could follow their classes online.",
        "Les équipes pédagogiques et informatiques ont équipé les élèves qui en avaient besoin "
        "d’ordinateurs portables et de connexions mobiles.",
        "Teaching and IT staff lent laptops and mobile data connections to students who "
        "needed them.",
    ),
    (
        "coupe-robotique-2020",
        "2020-06-12T11:00",
        "Coupe de France de robotique : l’équipe de l’école sur le podium",
        None,
        "Le club de robotique termine 3e d’une édition organisée pour la première fois à distance.",
        "",
        "Les douze élèves de l’équipe ont conçu, programmé et testé leur robot chez eux, en "
        "partageant leurs essais par vidéo.",
        "",
    ),
    (
        "u-multirank-2020",
        "2020-06-30T09:00",
        "Première entrée dans le classement mondial U-Multirank",
        "The school enters the U-Multirank global ranking for the first time",
        "IMT Mines Alès figure pour la première fois parmi les établissements évalués par "
        "U-Multirank.",
        "IMT Mines Alès is assessed by U-Multirank for the first time.",
        "L’école obtient d’emblée plusieurs notes « très bien », notamment pour "
        "l’enseignement et le transfert technologique.",
        "The school earns several “very good” grades at once, notably for teaching and "
        "knowledge transfer.",
    ),
    (
        "apprentissage-numerique",
        "2020-09-14T10:00",
        "Une nouvelle formation d’ingénieur en apprentissage dans le numérique",
        "A new work-study engineering degree in digital systems",
        "Trente apprentis ont commencé leur cursus, partagé entre l’école et l’entreprise.",
        "Thirty apprentices have begun a programme shared between the school and employers.",
        "Construite avec des entreprises de la région, la formation prépare aux métiers du "
        "développement logiciel, de la cybersécurité et des données.",
        "Designed with regional employers, the degree prepares students for careers in "
        "software development, cybersecurity and data.",
    ),
    (
        "incubateur-10-ans",
        "2020-11-05T09:00",
        "L’incubateur de l’école fête ses dix ans et ses 150 start-up",
        None,
        "Depuis 2010, l’incubateur a accompagné 150 jeunes entreprises, dont 80 % sont "
        "toujours en activité.",
        "",
        "Pour marquer l’anniversaire, l’école ouvre un nouvel espace de prototypage accessible "
        "aux créateurs d’entreprise du territoire.",
        "",
    ),
    (
        "the-impact-2021",
        "2021-04-21T09:00",
        "THE Impact Rankings 2021 : l’école dans le top 400 mondial et le top 10 français",
        "THE Impact Rankings 2021: the school in the world’s top 400 and France’s top 10",
        "Le classement du Times Higher Education mesure la contribution des établissements "
        "aux objectifs de développement durable de l’ONU.",
        "The Times Higher Education ranking measures universities’ contribution to the UN "
        "Sustainable Development Goals.",
        "L’école se distingue en particulier pour ses travaux sur l’eau, l’énergie propre et "
        "les villes durables.",
        "The school stands out in particular for its work on water, clean energy and "
        "sustainable cities.",
    ),
    (
        "hackathon-eau",
        "2021-05-28T17:00",
        "48 heures pour inventer une meilleure gestion de l’eau",
        "48 hours to invent better water management",
        "Cent vingt élèves et jeunes professionnels ont participé au hackathon de l’école.",
        "A hundred and twenty students and young professionals took part in the school’s "
        "hackathon.",
        "L’équipe lauréate propose des capteurs à bas coût pour détecter les fuites sur les "
        "réseaux d’irrigation.",
        "The winning team designed low-cost sensors that detect leaks in irrigation networks.",
    ),
    (
        "composite-biosource",
        "2021-07-08T10:00",
        "Un brevet pour un composite biosourcé issu du chanvre",
        "A patent for a hemp-based bio-sourced composite",
        "Les chercheurs en matériaux de l’école ont mis au point un panneau léger, solide et "
        "recyclable.",
        "The school’s materials scientists have developed a light, strong and recyclable panel.",
        "Le matériau intéresse déjà des constructeurs automobiles et des fabricants de mobilier.",
        "Car makers and furniture manufacturers have already shown interest in the material.",
    ),
    (
        "portes-ouvertes-2022",
        "2022-01-20T09:00",
        "Journées portes ouvertes : l’école accueille les futurs élèves le 5 février",
        None,
        "Visites des laboratoires, rencontres avec les élèves et présentation des formations "
        "sont au programme.",
        "",
        "Les familles qui ne peuvent pas se déplacer pourront suivre une visite virtuelle "
        "commentée en direct.",
        "",
    ),
    (
        "anr-ia-catastrophes",
        "2022-03-10T09:00",
        "L’intelligence artificielle au service de la gestion de crise",
        "Artificial intelligence for crisis management",
        "Un projet de recherche sur l’anticipation des inondations reçoit le soutien de "
        "l’Agence nationale de la recherche.",
        "A research project on forecasting floods wins funding from the French National "
        "Research Agency.",
        "Pendant quatre ans, l’équipe croisera données météorologiques et images satellites "
        "pour aider les secours à mieux se préparer.",
        "Over four years, the team will combine weather data and satellite images to help "
        "emergency services prepare.",
    ),
    (
        "quebec-double-diplome",
        "2022-05-16T14:00",
        "Un double diplôme avec une université québécoise",
        "A double degree with a university in Quebec",
        "Les élèves pourront obtenir en cinq ans un diplôme d’ingénieur français et une "
        "maîtrise canadienne.",
        "Students can earn a French engineering degree and a Canadian master’s in five years.",
        "Les premiers élèves partiront à Montréal à la rentrée 2023.",
        "The first students will leave for Montreal in autumn 2023.",
    ),
    (
        "u-multirank-2022",
        "2022-06-14T09:00",
        "U-Multirank 2022 : l’école confirme ses bons résultats",
        "U-Multirank 2022: the school confirms its strong results",
        "Pour la troisième année, IMT Mines Alès figure parmi les établissements les mieux "
        "notés pour l’enseignement.",
        "For the third year, IMT Mines Alès is among the best-rated institutions for teaching.",
        "L’école reste en tête des établissements français dans la catégorie « enseignement "
        "et apprentissage ».",
        "The school remains among the leading French institutions for teaching and learning.",
    ),
    (
        "bourses-ingenieures",
        "2022-10-11T09:00",
        "Des bourses pour encourager les jeunes femmes à devenir ingénieures",
        "Scholarships to encourage young women into engineering",
        "Avec sa fondation, l’école finance vingt bourses pour des lycéennes de la région.",
        "With its foundation, the school funds twenty scholarships for secondary-school girls "
        "from the region.",
        "Chaque boursière sera accompagnée par une ingénieure diplômée de l’école.",
        "Each scholarship holder will be mentored by a woman engineer who graduated from the "
        "school.",
    ),
    (
        "diplomes-2022",
        "2022-11-26T15:00",
        "La promotion 2022 reçoit ses diplômes",
        None,
        "La cérémonie a réuni plus de 1 000 personnes autour des nouveaux diplômés.",
        "",
        "La marraine de la promotion, ingénieure dans les énergies renouvelables, a encouragé "
        "les diplômés à mettre leurs compétences au service de la transition écologique.",
        "",
    ),
    (
        "centrale-solaire",
        "2023-03-02T10:00",
        "Le campus produit désormais une partie de son électricité",
        "The campus now generates part of its own electricity",
        "Des ombrières photovoltaïques couvrent les parkings de l’école.",
        "Solar carports now cover the school’s car parks.",
        "L’installation fournira chaque année l’équivalent d’un quart de la consommation "
        "électrique du campus.",
        "Each year the installation will supply the equivalent of a quarter of the campus’s "
        "electricity use.",
    ),
    (
        "the-impact-2023",
        "2023-06-01T09:00",
        "THE Impact Rankings 2023 : l’école progresse",
        "THE Impact Rankings 2023: the school moves up",
        "L’école gagne des places dans le classement mondial consacré au développement durable.",
        "The school climbs in the global ranking devoted to sustainable development.",
        "Sa progression est particulièrement nette pour l’objectif « consommation et "
        "production responsables ».",
        "It rises most clearly for the “responsible consumption and production” goal.",
    ),
    (
        "ecole-ete-economie-circulaire",
        "2023-07-05T09:00",
        "Une école d’été internationale sur l’économie circulaire",
        "An international summer school on the circular economy",
        "Quarante doctorants de douze pays se retrouvent à Alès pendant deux semaines.",
        "Forty doctoral students from twelve countries meet in Alès for two weeks.",
        "Au programme : visites de sites industriels, ateliers de recyclage des matériaux et "
        "conférences de chercheurs européens.",
        "The programme includes visits to industrial sites, materials recycling workshops and "
        "talks by European researchers.",
    ),
    (
        "record-apprentis-2023",
        "2023-09-19T09:00",
        "Un nombre record d’apprentis à la rentrée 2023",
        None,
        "Plus de 250 élèves suivent désormais leur formation en alternance.",
        "",
        "L’école compte aujourd’hui plus de 180 entreprises partenaires qui accueillent ses "
        "apprentis.",
        "",
    ),
    (
        "prix-these-2023",
        "2023-12-07T09:00",
        "Un prix national pour une thèse sur les sols pollués",
        "A national award for a thesis on polluted soils",
        "La lauréate a étudié comment des plantes peuvent dépolluer d’anciens sites miniers.",
        "The winner studied how plants can clean up former mining sites.",
        "Ses travaux ouvrent la voie à une réhabilitation moins coûteuse des friches "
        "industrielles des Cévennes.",
        "Her work paves the way for cheaper rehabilitation of the Cévennes’ former industrial "
        "sites.",
    ),
    (
        "master-anglais",
        "2024-02-13T09:00",
        "Un nouveau master enseigné en anglais sur les risques environnementaux",
        "A new English-taught master’s degree in environmental risk",
        "La formation ouvrira en septembre 2024 et accueillera des étudiants du monde entier.",
        "The programme opens in September 2024 and welcomes students from around the world.",
        "Les cours associent modélisation, terrain et gestion de crise, en lien avec les "
        "services de secours de la région.",
        "Classes combine modelling, fieldwork and crisis management, with the region’s "
        "emergency services.",
    ),
    (
        "renovation-energetique",
        "2024-05-22T09:00",
        "La rénovation énergétique du campus est achevée",
        "The campus energy renovation is complete",
        "Isolation, ventilation et chauffage : les bâtiments consomment 40 % d’énergie en moins.",
        "With new insulation, ventilation and heating, the buildings use 40% less energy.",
        "Les élèves ont participé au suivi des consommations dans le cadre de leurs projets.",
        "Students helped monitor energy use as part of their projects.",
    ),
    (
        "alumni-2024",
        "2024-10-03T18:00",
        "Les anciens élèves se retrouvent pour les 180 ans de l’école",
        None,
        "Plus de 600 diplômés sont revenus sur le campus pour l’anniversaire.",
        "",
        "Tables rondes, visites des laboratoires et soirée de gala ont rythmé la journée.",
        "",
    ),
    (
        "prix-innovation-2025",
        "2025-03-27T09:00",
        "Trois projets d’élèves primés au concours national d’innovation",
        "Three student projects win at the national innovation competition",
        "Un capteur d’humidité des sols, un vélo cargo modulaire et une application "
        "anti-gaspillage ont été récompensés.",
        "A soil moisture sensor, a modular cargo bike and an anti-waste app won awards.",
        "Les équipes bénéficieront d’un accompagnement de l’incubateur de l’école pour "
        "développer leur projet.",
        "The teams will get support from the school’s incubator to develop their projects.",
    ),
    (
        "erasmus-mobilite-2025",
        "2025-06-17T09:00",
        "Mobilité internationale : un élève sur deux part en Europe",
        "International mobility: one student in two goes to Europe",
        "Grâce à Erasmus+, la moitié des élèves passent au moins un semestre dans une "
        "université européenne.",
        "Thanks to Erasmus+, half of the students spend at least a semester at a European "
        "university.",
        "L’école a signé cette année six nouveaux accords, en Espagne, en Italie et en Allemagne.",
        "The school signed six new agreements this year, in Spain, Italy and Germany.",
    ),
    (
        "rentree-2025",
        "2025-09-02T10:00",
        "Rentrée 2025 : l’école accueille sa plus grande promotion",
        "Back to school 2025: the school welcomes its largest class",
        "Près de 500 nouveaux élèves ingénieurs ont fait leur rentrée.",
        "Nearly 500 new engineering students have started their studies.",
        "Pour les accueillir, l’école a ouvert une nouvelle résidence étudiante de 150 logements.",
        "To house them, the school has opened a new 150-room student residence.",
    ),
    (
        "risques-cevennes-2026",
        "2026-02-10T09:00",
        "Épisodes cévenols : un observatoire pour mieux prévoir les crues",
        "Cévennes storms: an observatory to better forecast floods",
        "L’école coordonne un réseau de capteurs installés le long du Gardon.",
        "The school coordinates a network of sensors along the Gardon river.",
        "Les données, ouvertes, seront partagées en temps réel avec les communes et les "
        "services de l’État.",
        "The open data will be shared in real time with local councils and state services.",
    ),
    (
        "conference-risques-2026",
        "2026-06-09T09:00",
        "Alès accueille la conférence européenne sur les risques naturels",
        "Alès hosts the European conference on natural hazards",
        "Trois cents chercheurs sont attendus pendant trois jours sur le campus.",
        "Three hundred researchers are expected on campus for three days.",
        "Les sessions porteront sur les incendies, les inondations et l’adaptation des "
        "territoires au changement climatique.",
        "Sessions will cover wildfires, floods and how regions adapt to climate change.",
    ),
]

# Not public: one draft and one release scheduled in the future.
DRAFT_RELEASE = (
    "brouillon-partenariat",
    "2026-11-20T09:00",
    "Brouillon : nouveau partenariat industriel (à relire)",
    "Draft: new industrial partnership (to review)",
    "Texte en cours de validation avec le partenaire.",
    "Text being checked with the partner.",
    "Les détails du partenariat seront annoncés après signature.",
    "Details of the partnership will be announced once it is signed.",
)
SCHEDULED_RELEASE = (
    "portes-ouvertes-2027",
    None,  # set at creation to some weeks ahead, so it is always in the future then
    "Journées portes ouvertes 2027 : inscrivez-vous",
    "Open days 2027: sign up now",
    "L’école ouvre ses portes aux lycéens et à leurs familles.",
    "The school opens its doors to secondary-school students and their families.",
    "Les visiteurs pourront rencontrer élèves et enseignants et découvrir les laboratoires.",
    "Visitors can meet students and teachers and discover the labs.",
)

# In the workflow: one in review (English not checked yet, and the release waits for
# both languages), one under embargo with a journalist's early-reading link.
IN_REVIEW_RELEASE = (
    "chaire-hydrogene",
    "2026-11-24T09:00",
    "Une chaire industrielle sur l’hydrogène vert",
    "An industrial chair on green hydrogen",
    "L’école et deux partenaires industriels lancent une chaire de recherche pour cinq ans.",
    "The school and two industrial partners launch a five-year research chair.",
    "Ses travaux porteront sur la production d’hydrogène par électrolyse et sur son stockage "
    "sûr dans les territoires ruraux.",
    "Its work will cover producing hydrogen by electrolysis and storing it safely in rural areas.",
)
EMBARGOED_RELEASE = (
    "palmares-innovation",
    None,  # set at creation: the embargo ends two days later, and the release goes live
    "Palmarès national de l’innovation : deux start-up de l’incubateur primées",
    "National innovation awards: two start-ups from the incubator win prizes",
    "Les deux lauréates travaillent sur le recyclage des textiles et la détection des crues.",
    "The two winners work on textile recycling and flood detection.",
    "Le palmarès sera annoncé officiellement à Paris ; les journalistes peuvent préparer leurs "
    "articles à l’avance grâce au lien personnel que leur envoie le service de presse.",
    "The awards will be announced officially in Paris; journalists can prepare their articles "
    "ahead through the personal link the press office sends them.",
)
EMBARGO_DAYS = 2
EMBARGO_JOURNALIST = {"journalist": "Claire Dubois", "outlet": "Midi Libre", "language": "fr"}

# Releases given a generated hero image, besides the reference release.
WITH_IMAGE = {
    "plateforme-feux-de-foret",
    "the-impact-2021",
    "centrale-solaire",
    "rentree-2025",
    "palmares-innovation",
}

# Rankings and the awards the releases announce. The "about" text of U-Multirank is
# the reference release's closing section, written once here.
RANKINGS = [
    {
        "slug": "u-multirank",
        "name_fr": "U-Multirank",
        "name_en": "U-Multirank",
        "publisher_fr": "Commission européenne (programme Erasmus+)",
        "publisher_en": "European Commission (Erasmus+ programme)",
        "website": "https://www.umultirank.org/",
        "methodology_url": "https://www.umultirank.org/about/methodology/",
        "description_fr": """
<p>Lancé à l’initiative de la Commission européenne et financé par son programme Erasmus+,
U-Multirank est le premier classement mondial multidimensionnel. Chacun peut y bâtir son propre
classement en choisissant des indicateurs dans cinq dimensions\u00a0: enseignement et
apprentissage, ouverture internationale, recherche, transfert technologique et ancrage régional.
U-Multirank attribue des notes, de A («\u00a0très bien\u00a0») à E, plutôt que des rangs.
<a href="https://www.umultirank.org/">En savoir plus (site en anglais)</a>.</p>
""",
        "description_en": """
<p>Launched by the European Commission and funded by its Erasmus+ programme, U-Multirank is
the first multidimensional global ranking. Users build their own ranking by choosing
performance indicators across five dimensions: teaching and learning, international
orientation, research, knowledge transfer and regional engagement. U-Multirank gives grades,
from A (“very good”) to E, rather than ranks.
<a href="https://www.umultirank.org/">Find out more</a>.</p>
""",
    },
    {
        "slug": "the-impact",
        "name_fr": "THE Impact Rankings",
        "name_en": "THE Impact Rankings",
        "publisher_fr": "Times Higher Education",
        "publisher_en": "Times Higher Education",
        "website": "https://www.timeshighereducation.com/impactrankings",
        "methodology_url": "https://www.timeshighereducation.com/impact-rankings-methodology",
        "description_fr": """
<p>Publié par le magazine britannique Times Higher Education, le classement THE Impact évalue
la contribution des universités et des écoles aux objectifs de développement durable des
Nations unies\u00a0: recherche, gestion des campus, ouverture sur la société et enseignement.</p>
""",
        "description_en": """
<p>Published by the British magazine Times Higher Education, the Impact Rankings assess how
universities and schools contribute to the United Nations Sustainable Development Goals,
through research, campus stewardship, outreach and teaching.</p>
""",
    },
]

# (ranking, year, category fr, category en, scope, result, releases announcing it)
# A result is ("rank", n, tied), ("band", from, to) or ("grade", letter, count).
AWARDS = [
    ("u-multirank", 2020, "", "", "world", ("grade", "A", 6), ["u-multirank-2020"]),
    ("u-multirank", 2021, "Enseignement et apprentissage", "Teaching and learning", "national",
     ("rank", 1, True), [REFERENCE_KEY]),
    ("u-multirank", 2021, "", "", "world", ("grade", "A", 10), [REFERENCE_KEY]),
    ("u-multirank", 2021, "Enseignement et apprentissage", "Teaching and learning", "world",
     ("grade", "A", 4), [REFERENCE_KEY]),
    ("u-multirank", 2021, "Transfert technologique", "Knowledge transfer", "world",
     ("grade", "A", 3), [REFERENCE_KEY]),
    ("u-multirank", 2021, "Recherche", "Research", "world", ("grade", "A", 2), [REFERENCE_KEY]),
    ("u-multirank", 2021, "Ouverture internationale", "International orientation", "world",
     ("grade", "A", 1), [REFERENCE_KEY]),
    ("u-multirank", 2022, "Enseignement et apprentissage", "Teaching and learning", "national",
     ("rank", 1, True), ["u-multirank-2022"]),
    ("the-impact", 2021, "", "", "world", ("band", None, 400), [REFERENCE_KEY, "the-impact-2021"]),
    ("the-impact", 2021, "", "", "national", ("band", None, 10),
     [REFERENCE_KEY, "the-impact-2021"]),
    ("the-impact", 2023, "", "", "world", ("band", 301, 400), ["the-impact-2023"]),
]  # fmt: skip


# The reference release's press kit: two pictures (drawn by load_demo) and a one-page
# fact sheet of its U-Multirank results.
REFERENCE_HERO = "kit-students"
PRESS_KIT_PICTURES = [
    {
        "key": "kit-campus",
        "caption_fr": "Le campus de Clavières, à Alès",
        "caption_en": "The Clavières campus in Alès",
        "alt_text_fr": "Illustration abstraite aux tons bleus évoquant le campus",
        "alt_text_en": "Abstract illustration in blue tones suggesting the campus",
        "credit": "© Service communication / IMT Mines Alès",
        "licence": "press",
    },
    {
        "key": "kit-students",
        "caption_fr": "Élèves ingénieurs en travaux pratiques",
        "caption_en": "Engineering students in a practical class",
        "alt_text_fr": "Illustration abstraite aux tons chauds évoquant un laboratoire",
        "alt_text_en": "Abstract illustration in warm tones suggesting a lab",
        "credit": "© IMT Mines Alès, CC BY 4.0",
        "licence": "cc-by-4.0",
    },
]
FACT_SHEET = {
    "caption_fr": "Fiche : les résultats d’IMT Mines Alès dans U-Multirank 2021",
    "caption_en": "Fact sheet: IMT Mines Alès in U-Multirank 2021",
    "credit": "IMT Mines Alès",
    "lines": [
        "IMT Mines Alès - U-Multirank 2021",
        "",
        "1re en France en enseignement et apprentissage (ex aequo avec quatre écoles)",
        "10 notes maximales (très bien) :",
        "  4 en enseignement et apprentissage",
        "  3 en transfert technologique",
        "  2 en recherche",
        "  1 en ouverture internationale",
        "",
        "U-Multirank 2021 : près de 1 800 écoles et universités de 96 pays.",
        "Classement financé par le programme Erasmus+ de l’Union européenne.",
    ],
}
