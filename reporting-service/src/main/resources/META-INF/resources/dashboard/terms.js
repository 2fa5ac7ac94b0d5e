/*
 * The French words the dashboard prints: regions, the catalogue's groups, the categories of breakdowns and periods.
 */
"use strict";

window.Terms = (function () {
  /** The regions of France since 2016, by INSEE code (the codes structures are registered with). */
  const REGIONS = [
    ["84", "Auvergne-Rhône-Alpes"],
    ["27", "Bourgogne-Franche-Comté"],
    ["53", "Bretagne"],
    ["24", "Centre-Val de Loire"],
    ["94", "Corse"],
    ["44", "Grand Est"],
    ["01", "Guadeloupe"],
    ["03", "Guyane"],
    ["32", "Hauts-de-France"],
    ["11", "Île-de-France"],
    ["04", "La Réunion"],
    ["02", "Martinique"],
    ["06", "Mayotte"],
    ["28", "Normandie"],
    ["75", "Nouvelle-Aquitaine"],
    ["76", "Occitanie"],
    ["52", "Pays de la Loire"],
    ["93", "Provence-Alpes-Côte d'Azur"]
  ];
  const REGION_NAMES = Object.fromEntries(REGIONS);

  /** The twelve groups of the indicator catalogue (0: the network itself, shown as context). */
  const GROUPS = {
    0: "Réseau",
    1: "Bénéficiaires du CEP et accompagnements",
    2: "Traçabilité du 1er niveau du CEP",
    3: "Conseillers délivrant du CEP",
    4: "Saisie du CEP dans le système d'information",
    5: "Information des bénéficiaires sur le CEP",
    6: "Compte personnel de formation (CPF)",
    7: "PMSMP et alternance",
    8: "Formations et financements",
    9: "Entrées, sorties et issues du CEP",
    10: "Portefeuille des conseillers référents",
    11: "Conseillers CEP déclarés (ETP)",
    12: "Professionnalisation des conseillers"
  };

  /*
   * The categories of breakdowns, in the words of the reports (the service's FrenchTerms). The API sends only the
   * key of each part; an unknown key is shown as it is rather than hidden.
   */
  const PARTS = {
    POLE_EMPLOI: "Pôle emploi", MISSION_LOCALE: "Mission Locale", APEC: "APEC", OPACIF: "OPACIF",
    EMPLOYER: "Employeur", OCCUPATIONAL_PHYSICIAN: "Médecin du travail", SPONTANEOUS: "Démarche spontanée",
    OTHER_CEP_OPERATOR: "Autre opérateur CEP", UNKNOWN: "Non renseigné",
    SUSTAINABLE_JOB: "Emploi durable", TEMPORARY_JOB: "Emploi temporaire", TRAINING: "Formation",
    MOVED: "Déménagement", REFERRED_ELSEWHERE: "Orientation vers une autre structure",
    HEALTH_OR_INACTIVITY: "Santé ou inactivité", DROPPED_OUT: "Abandon",
    ENGAGE_PROJECT: "S'engager dans un projet", START_TRAINING: "Entrer en formation",
    JOB_SEARCH: "Rechercher un emploi", KEEP_SITUATION: "Conserver sa situation",
    NONE_OR_ABANDON: "Pas de décision ou abandon",
    "level-1": "Niveau 1 : accueil individualisé", "level-2": "Niveau 2 : conseil personnalisé",
    "level-3": "Niveau 3 : accompagnement à la mise en œuvre",
    "service-DISABILITY_BARRIERS_REMOVAL": "Levée des freins liés au handicap",
    "service-PROJECT_ELABORATION_AND_VALIDATION": "Élaboration et validation de projet",
    "service-TRAINING_PROJECT": "Définition, mise en œuvre et suivi d'un projet de formation",
    "service-JOB_SEARCH_SUPPORT": "Accompagnement vers l'emploi",
    "service-JOB_RETENTION": "Maintien dans l'emploi",
    DISCOVER_JOB: "Découvrir un métier", CONFIRM_PROJECT: "Confirmer un projet professionnel",
    START_RECRUITMENT: "Initier une démarche de recrutement",
    APPRENTICESHIP: "Contrat d'apprentissage", PROFESSIONALISATION: "Contrat de professionnalisation",
    NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS:
      "Pas de mobilisation possible de l'AIF par défaut d'enveloppe et pas assez d'heures CPF",
    TRAINING_LONGER_THAN_ONE_YEAR: "Formation longue de plus d'un an",
    NOT_CPF_ELIGIBLE_NO_INDIVIDUAL_FUNDING: "Formation non éligible au CPF et pas de financement individuel",
    SLOW_CO_FUNDING_ANSWERS: "Lenteur des réponses sur les co-financements",
    COST_TOO_HIGH: "Montant de formation trop important",
    FUNDER_QUESTIONED_PROJECT: "Remise en question du projet par les financeurs",
    "cpf-funded": "dont financées par le CPF", projects: "Projets concernés",
    CPF: "CPF", AIF_POLE_EMPLOI: "AIF Pôle emploi", AGEFIPH: "Agefiph", FIPHFP: "FIPHFP", REGION: "Région",
    OPCA: "OPCA", PERSONAL: "Financement personnel",
    GRANTED: "Accordées", PARTLY_GRANTED: "Accordées partiellement", REFUSED: "Refusées", WITHDRAWN: "Retirées",
    SIGNED_STANDARD_LETTER: "Courrier type signé par la personne",
    INTERVIEW_SYNTHESIS_GIVEN: "Synthèse d'entretien remise à la personne",
    CPF_SYSTEM_SCREENSHOT: "Impression de l'écran depuis le SI CPF",
    AIF_REQUEST_SIGNATURE: "Signature de la demande d'AIF auprès de Pôle emploi",
    COLLECTED_BY_POLE_EMPLOI: "Déjà recueilli par Pôle emploi",
    AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING: "Formation AFPA sur le 3e niveau de CEP et l'ingénierie financière",
    REGIONAL_AGEFIPH_FIPHFP_TRAINING: "Formations régionales CEP financées par le FIPHFP et l'Agefiph",
    HANDI_FORMATION: "Formation HANDI FORMATION (CHEOPS) : impacts et mise en œuvre du CEP",
    INTERNAL_WITH_CEP_KIT: "Formation interne avec les outils de CHEOPS",
    SPRO: "Formations organisées dans le cadre du SPRO", CARIF_OREF: "Formations des CARIF OREF",
    INTER_OPERATOR_CROSS_KNOWLEDGE: "Connaissance réciproque des offres de services des opérateurs CEP",
    OTHER: "Autre"
  };

  const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre"];

  const SHORT_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc."];

  /** The French label of a breakdown part: the API's own label when it sends one, else ours, else the key. */
  function part(p, indicatorId) {
    if (p.label) {
      return p.label;
    }
    if (indicatorId === "structures-registered" && REGION_NAMES[p.key]) {
      return REGION_NAMES[p.key] + " (" + p.key + ")";
    }
    const key = p.key && p.key.startsWith("funder-") ? p.key.substring("funder-".length) : p.key;
    const label = PARTS[key] || key || "Non renseigné";
    return p.key && p.key.startsWith("funder-") ? "Financeur : " + label : label;
  }

  /** "2016" -> "année 2016", "2016-H1" -> "1er semestre 2016", "2016-Q3" -> "3e trimestre 2016", "2016-03" -> "mars 2016". */
  function period(label) {
    let m = /^(\d{4})$/.exec(label);
    if (m) {
      return "année " + m[1];
    }
    m = /^(\d{4})-H([12])$/.exec(label);
    if (m) {
      return (m[2] === "1" ? "1er" : "2e") + " semestre " + m[1];
    }
    m = /^(\d{4})-Q([1-4])$/.exec(label);
    if (m) {
      return (m[2] === "1" ? "1er" : m[2] + "e") + " trimestre " + m[1];
    }
    m = /^(\d{4})-(\d{2})$/.exec(label);
    if (m) {
      return MONTHS[Number(m[2]) - 1] + " " + m[1];
    }
    return label;
  }

  /** Short label of a point of a series for the chart's axis: [period within the year, year]. */
  function shortPeriod(label) {
    let m = /^(\d{4})-(\d{2})$/.exec(label);
    if (m) {
      return [SHORT_MONTHS[Number(m[2]) - 1], m[1]];
    }
    m = /^(\d{4})-([HQ])(\d)$/.exec(label);
    if (m) {
      return [(m[2] === "H" ? "S" : "T") + m[3], m[1]];
    }
    return [label, ""];
  }

  function scope(kind, id) {
    if (kind === "region") {
      return "région " + (REGION_NAMES[id] || id);
    }
    if (kind === "structure") {
      return "structure " + id;
    }
    return "France entière";
  }

  return { REGIONS, REGION_NAMES, GROUPS, MONTHS, part, period, shortPeriod, scope };
})();
