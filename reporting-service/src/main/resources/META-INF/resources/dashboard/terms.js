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
  const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre"];

  const SHORT_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc."];

  /** The French label of a breakdown part, as the API gives it; regions by their name. */
  function part(p, indicatorId) {
    if (indicatorId === "structures-registered" && REGION_NAMES[p.key]) {
      return REGION_NAMES[p.key] + " (" + p.key + ")";
    }
    return p.label || p.key || "Non renseigné";
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
