/*
 * The dashboard: a scope and a period chosen once drive the indicator catalogue, the reports and, with its own
 * choices, the time series. Everything is built with DOM calls (no HTML strings): labels come from the service and
 * are shown as text, never interpreted.
 */
"use strict";

(function () {
  const $ = id => document.getElementById(id);
  const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
  const STATUS_REFRESH_MS = 30000;
  const MAX_SERIES_POINTS = 120;
  const POINTS_PER_YEAR = { month: 12, quarter: 4, "half-year": 2, year: 1 };
  const PERIOD_PARTS = {
    half: { label: "Semestre", options: [["H1", "1er semestre"], ["H2", "2e semestre"]] },
    quarter: { label: "Trimestre", options: [["Q1", "1er trimestre"], ["Q2", "2e trimestre"], ["Q3", "3e trimestre"],
      ["Q4", "4e trimestre"]] },
    month: { label: "Mois", options: Terms.MONTHS.map((m, i) => [Fr.pad(i + 1), m]) }
  };

  let selection = null;
  let catalogue = [];
  let statusTimer = null;

  // ---- small DOM helpers -------------------------------------------------------------------------------------

  function node(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === "class") {
        element.className = v;
      } else if (k === "text") {
        element.textContent = v;
      } else {
        element.setAttribute(k, v === true ? "" : String(v));
      }
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) {
        element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return element;
  }

  function table(caption, headers, rows, options) {
    const numeric = i => i > 0 && options && options.numeric && !(options.textColumns || []).includes(i);
    const head = node("thead", {}, node("tr", {}, headers.map((h, i) =>
      node("th", { scope: "col", class: numeric(i) ? "num" : null, text: h }))));
    const body = node("tbody", {}, rows.map(cells => node("tr", {}, cells.map((c, i) => i === 0
      ? node("th", { scope: "row", text: c })
      : node("td", { class: numeric(i) ? "num" : null, text: c })))));
    return node("table", { class: "data" + (options && options.className ? " " + options.className : "") },
      caption ? node("caption", { text: caption }) : null, head, body);
  }

  function say(text) {
    $("messages").textContent = "";
    // a fresh text node makes screen readers announce the same message twice in a row too
    setTimeout(() => { $("messages").textContent = text; }, 50);
  }

  function alertUser(text) {
    $("alerts").textContent = text;
  }

  function clearAlert() {
    $("alerts").textContent = "";
  }

  function showError(container, error) {
    container.replaceChildren(node("p", { class: "error", text: error.message }));
    if (error.status === 401) {
      alertUser(error.message);
      stopStatusRefresh();
    }
  }

  function busy(container, text) {
    container.setAttribute("aria-busy", "true");
    container.replaceChildren(node("p", { class: "loading", text }));
  }

  function done(container) {
    container.removeAttribute("aria-busy");
  }

  /**
   * Every panel loads alike: a loading line (and aria-busy) in its output while call() answers, then render(answer);
   * a failure, of the call or of the rendering, replaces the output with its message.
   */
  async function loadInto(output, loadingText, call, render) {
    busy(output, loadingText);
    try {
      render(await call());
    } catch (error) {
      showError(output, error);
    } finally {
      done(output);
    }
  }

  function timing(ms) {
    return node("p", { class: "timing", text: "Réponse en " + Fr.duration(ms) });
  }

  /** An indicator's value as read: "non disponible" when the figures cannot give one (zero denominator). */
  function valueText(value, unit) {
    return value === null || value === undefined ? Fr.NOT_AVAILABLE : Fr.byUnit(value, unit);
  }

  // ---- session -----------------------------------------------------------------------------------------------

  const ROLE_NAMES = { analyst: "analyste", admin: "administrateur", manager: "responsable de structure",
    counsellor: "conseiller", partner: "partenaire" };

  function roles() {
    const claims = Api.claims();
    return claims && Array.isArray(claims.groups) ? claims.groups : [];
  }

  function isStructureBound() {
    const r = roles();
    return !r.includes("analyst") && !r.includes("admin") && r.includes("manager");
  }

  function showSession() {
    const claims = Api.claims();
    const signedIn = !!Api.token();
    $("login-form").hidden = signedIn;
    $("session-info").hidden = !signedIn;
    $("token-help").hidden = signedIn;
    ["catalogue", "series", "reports"].forEach(id => { $(id).hidden = !signedIn || !selection; });
    $("regions").hidden = !signedIn || !selection || selection.scope !== "national" || isStructureBound();
    $("selection").hidden = !signedIn;
    if (!signedIn) {
      return;
    }
    const names = roles().map(r => ROLE_NAMES[r] || r);
    let text = names.length ? "Connecté : " + names.join(", ") : "Connecté (rôle inconnu)";
    if (claims && claims.structure_id) {
      text += " – structure " + claims.structure_id;
    }
    if (claims && claims.exp) {
      const expiry = new Date(claims.exp * 1000);
      text += expiry.getTime() < Date.now() ? " – jeton expiré, saisissez-en un nouveau"
        : " – jeton valable jusqu'au " + Fr.instant(expiry.toISOString());
    }
    $("session-text").textContent = text;
    applyRole();
  }

  /** A manager sees its own structure only: the page offers nothing else (the API would answer 403 or 404). */
  function applyRole() {
    const bound = isStructureBound();
    const claims = Api.claims() || {};
    document.querySelectorAll("input[name=scope]").forEach(radio => {
      radio.disabled = bound && radio.value !== "structure";
      if (bound) {
        radio.checked = radio.value === "structure";
      }
    });
    if (bound && claims.structure_id) {
      $("structure").value = claims.structure_id;
    }
    $("structure").readOnly = bound;
    $("scope-note").hidden = !bound;
    $("scope-note").textContent = bound
      ? "Responsable de structure : vous consultez les chiffres de votre structure uniquement." : "";
    showScopeFields();
  }

  function signIn(event) {
    event.preventDefault();
    const value = $("token").value.trim().replace(/^Bearer\s+/i, "");
    if (!value) {
      $("token").setAttribute("aria-invalid", "true");
      alertUser("Saisissez un jeton d'accès.");
      $("token").focus();
      return;
    }
    $("token").removeAttribute("aria-invalid");
    $("token").value = "";
    Api.setToken(value);
    clearAlert();
    showSession();
    say("Jeton enregistré pour cet onglet.");
    openOnLatestFacts();
  }

  function signOut() {
    Api.clearToken();
    stopStatusRefresh();
    selection = null;
    catalogue = [];
    ["catalogue-groups", "catalogue-context", "catalogue-timing", "series-output", "regions-output", "cnefop-output",
      "activity-output", "status-table"]
      .forEach(id => $(id).replaceChildren());
    $("status-summary").textContent = "Connectez-vous pour voir l'état des projections.";
    $("status-refresh").hidden = true;
    $("status-details").hidden = true;
    clearAlert();
    showSession();
    say("Vous êtes déconnecté : le jeton a été effacé de cet onglet.");
    $("token").focus();
  }

  // ---- selection ---------------------------------------------------------------------------------------------

  function showScopeFields() {
    const scope = document.querySelector("input[name=scope]:checked").value;
    $("region-field").hidden = scope !== "region";
    $("structure-field").hidden = scope !== "structure";
  }

  function showPeriodPart() {
    const kind = $("period-kind").value;
    const parts = PERIOD_PARTS[kind];
    $("period-part-field").hidden = !parts;
    if (!parts) {
      return;
    }
    const previous = $("period-part").value;
    $("period-part-label").textContent = parts.label;
    $("period-part").replaceChildren(...parts.options.map(([value, label]) => node("option", { value, text: label })));
    if (parts.options.some(([value]) => value === previous)) {
      $("period-part").value = previous;
    }
  }

  function fieldError(input, text) {
    const id = input.id + "-error";
    let message = $(id);
    if (!message) {
      message = node("p", { id, class: "field-error" });
      input.insertAdjacentElement("afterend", message);
    }
    message.textContent = text;
    input.setAttribute("aria-invalid", "true");
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (!described.includes(id)) {
      input.setAttribute("aria-describedby", described.concat(id).join(" "));
    }
  }

  function clearFieldErrors(form) {
    form.querySelectorAll(".field-error").forEach(e => e.remove());
    form.querySelectorAll("[aria-invalid]").forEach(input => {
      input.removeAttribute("aria-invalid");
      const described = (input.getAttribute("aria-describedby") || "").split(" ")
        .filter(id => id && !id.endsWith("-error"));
      if (described.length) {
        input.setAttribute("aria-describedby", described.join(" "));
      } else {
        input.removeAttribute("aria-describedby");
      }
    });
  }

  /** The scope and period as the API takes them, or null after marking the fields to correct. */
  function readSelection() {
    const form = $("selection-form");
    clearFieldErrors(form);
    const invalid = [];
    const scope = document.querySelector("input[name=scope]:checked").value;
    let scopeId = "";
    if (scope === "region") {
      scopeId = $("region").value;
    } else if (scope === "structure") {
      scopeId = $("structure").value.trim();
      if (!UUID.test(scopeId)) {
        fieldError($("structure"), "Saisissez l'identifiant de la structure, par exemple "
          + "3f2b6c1e-8d4a-4c1b-9e7f-0a1b2c3d4e5f.");
        invalid.push($("structure"));
      }
    }
    const year = $("period-year").value.trim();
    if (!/^\d{4}$/.test(year)) {
      fieldError($("period-year"), "Saisissez une année sur quatre chiffres, par exemple 2016.");
      invalid.push($("period-year"));
    }
    const kind = $("period-kind").value;
    const period = kind === "year" ? year : year + "-" + $("period-part").value;
    const asOfText = $("as-of").value.trim();
    let asOf = "";
    if (asOfText) {
      asOf = Fr.parseDate(asOfText);
      if (!asOf) {
        fieldError($("as-of"), "Saisissez une date au format jj/mm/aaaa, par exemple 31/05/2017, ou laissez vide.");
        invalid.push($("as-of"));
      }
    }
    if (invalid.length) {
      invalid[0].focus();
      say("Le formulaire contient " + invalid.length + (invalid.length > 1 ? " erreurs." : " erreur."));
      return null;
    }
    return { scope, scopeId: scope === "national" ? "" : scopeId, period, asOf, year: Number(year), kind };
  }

  function scopeQuery() {
    return { scope: selection.scope, scopeId: selection.scopeId, asOf: selection.asOf };
  }

  function describeSelection() {
    return Terms.scope(selection.scope, selection.scopeId) + ", " + Terms.period(selection.period)
      + (selection.asOf ? ", chiffres enregistrés au " + Fr.isoDate(selection.asOf) : ", chiffres à ce jour");
  }

  function showAll() {
    const chosen = readSelection();
    if (!chosen) {
      return;
    }
    selection = chosen;
    // the series follows the chosen year until the user asks for other years in its own form
    $("series-from").value = chosen.year;
    $("series-to").value = chosen.year;
    clearAlert();
    showSession();
    loadCatalogue();
    loadReports();
    loadStatus();
    startStatusRefresh();
  }

  /**
   * The first view: the latest year with recorded facts (after a load of past data, that year rather than an empty
   * current quarter). Without an answer the page keeps the current period.
   */
  async function openOnLatestFacts() {
    try {
      const latest = await Api.json("latestPeriod", {}, {});
      if (latest.year) {
        $("period-kind").value = "year";
        showPeriodPart();
        $("period-year").value = latest.year;
      }
    } catch (error) {
      // the catalogue's own call explains an access problem
    }
    showAll();
  }

  // ---- indicator catalogue -----------------------------------------------------------------------------------

  async function loadCatalogue() {
    const output = $("catalogue-groups");
    $("catalogue-context").textContent = describeSelection();
    $("catalogue-timing").textContent = "";
    await loadInto(output, "Chargement des indicateurs…",
      () => Api.timed("indicators", {}, Object.assign({ period: selection.period }, scopeQuery())), timed => {
      const answer = timed.body;
      $("catalogue-timing").textContent = "Réponse en " + Fr.duration(timed.ms);
      catalogue = answer.indicators;
      $("catalogue-context").textContent = Terms.scope(answer.scope, answer.scopeId) + " – "
        + Terms.period(answer.period) + " (du " + Fr.isoDate(answer.periodStart) + " au " + Fr.isoDate(answer.periodEnd)
        + ") – chiffres enregistrés au " + Fr.instant(answer.asOf) + ".";
      renderCatalogue(answer.indicators);
      fillSeriesChoices(answer.indicators);
      say("Indicateurs affichés : " + describeSelection() + ".");
      loadSeries();
      loadRegions();
    });
  }

  function renderCatalogue(indicators) {
    const groups = new Map();
    indicators.forEach(indicator => {
      if (!groups.has(indicator.group)) {
        groups.set(indicator.group, []);
      }
      groups.get(indicator.group).push(indicator);
    });
    const sections = [...groups.keys()].sort((a, b) => a - b).map(group => {
      const titleId = "group-" + group;
      const title = (group > 0 ? group + ". " : "") + (Terms.GROUPS[group] || "Groupe " + group);
      return node("section", { class: "group", "aria-labelledby": titleId },
        node("h3", { id: titleId, text: title }),
        node("div", { class: "cards" }, groups.get(group).map(indicatorCard)));
    });
    $("catalogue-groups").replaceChildren(...sections);
  }

  function indicatorCard(indicator) {
    const titleId = "indicator-" + indicator.id;
    const coverage = indicator.coverage
      ? Fr.integer(indicator.coverage.contributing) + " Cap emploi sur " + Fr.integer(indicator.coverage.registered)
      : Fr.NO_VALUE;
    const card = node("article", { class: "indicator", "aria-labelledby": titleId },
      node("h4", { id: titleId, text: indicator.label }),
      node("p", { class: "value", text: valueText(indicator.value, indicator.unit) }),
      node("dl", { class: "facts" },
        node("div", {}, node("dt", { text: "Numérateur / dénominateur" }),
          node("dd", { text: Fr.plain(indicator.numerator) + " / " + Fr.plain(indicator.denominator) })),
        node("div", {}, node("dt", { text: "Couverture" }), node("dd", { text: coverage }))),
      node("details", { class: "definition" }, node("summary", { text: "Définition" }),
        node("p", { text: indicator.definition })));
    if (indicator.breakdown && indicator.breakdown.length) {
      card.appendChild(breakdownFigure(indicator));
    }
    const seriesButton = node("button", { type: "button", class: "secondary",
      "aria-describedby": titleId, text: "Voir l'évolution" });
    seriesButton.addEventListener("click", () => {
      $("series-indicator").value = indicator.id;
      $("regions-indicator").value = indicator.id;
      loadSeries();
      loadRegions();
      $("series-title").scrollIntoView({ behavior: "smooth", block: "start" });
      $("series-indicator").focus({ preventScroll: true });
    });
    card.appendChild(seriesButton);
    return card;
  }

  function partDisplay(indicator, part) {
    const value = Fr.byUnit(part.value, indicator.unit);
    if (indicator.unit === "PERCENT" && part.numerator !== null && part.numerator !== undefined) {
      return value + " (" + Fr.plain(part.numerator) + ")";
    }
    if (indicator.unit === "STATISTIC" && part.denominator !== null && part.denominator !== undefined) {
      return value + " (" + Fr.plain(part.denominator) + " réponses)";
    }
    return value;
  }

  function breakdownFigure(indicator) {
    const captionId = "breakdown-" + indicator.id;
    const caption = "Détail : " + indicator.label;
    const items = indicator.breakdown.map(part => ({
      label: Terms.part(part, indicator.id), value: part.value, display: partDisplay(indicator, part)
    }));
    const chart = Charts.bars(items, { label: caption + ". " + items.map(i => i.label + " : " + i.display).join(" ; "),
      max: indicator.unit === "PERCENT" ? 100 : null });
    const rows = indicator.breakdown.map((part, i) => [items[i].label, Fr.byUnit(part.value, indicator.unit),
      Fr.plain(part.numerator), Fr.plain(part.denominator)]);
    return node("figure", { class: "breakdown", "aria-labelledby": captionId },
      node("figcaption", { id: captionId, text: "Détail" }),
      chart,
      node("details", {}, node("summary", { text: "Tableau du détail" }),
        table(caption, ["Catégorie", "Valeur", "Numérateur", "Dénominateur"], rows, { numeric: true })));
  }

  // ---- time series -------------------------------------------------------------------------------------------

  function fillSeriesChoices(indicators) {
    const select = $("series-indicator");
    const previous = select.value || "cep-beneficiaries";
    const groups = new Map();
    indicators.forEach(i => {
      if (!groups.has(i.group)) {
        groups.set(i.group, node("optgroup", { label: (i.group > 0 ? i.group + ". " : "")
          + (Terms.GROUPS[i.group] || "Groupe " + i.group) }));
      }
      groups.get(i.group).appendChild(node("option", { value: i.id, text: i.label }));
    });
    select.replaceChildren(...groups.values());
    select.value = indicators.some(i => i.id === previous) ? previous : indicators[0].id;
    const regions = $("regions-indicator");
    const previousRegion = regions.value || select.value;
    regions.replaceChildren(...[...groups.values()].map(group => group.cloneNode(true)));
    regions.value = indicators.some(i => i.id === previousRegion) ? previousRegion : select.value;
  }

  async function loadSeries(event) {
    if (event) {
      event.preventDefault();
    }
    const output = $("series-output");
    const form = $("series-form");
    clearFieldErrors(form);
    if (!selection || !$("series-indicator").value) {
      return;
    }
    const from = $("series-from").value.trim();
    const to = $("series-to").value.trim();
    const granularity = $("series-granularity").value;
    if (!/^\d{4}$/.test(from)) {
      fieldError($("series-from"), "Saisissez une année sur quatre chiffres.");
      $("series-from").focus();
      return;
    }
    if (!/^\d{4}$/.test(to) || Number(to) < Number(from)) {
      fieldError($("series-to"), "Saisissez une année sur quatre chiffres, égale ou postérieure à la première.");
      $("series-to").focus();
      return;
    }
    if ((Number(to) - Number(from) + 1) * POINTS_PER_YEAR[granularity] > MAX_SERIES_POINTS) {
      fieldError($("series-to"), "Au plus " + MAX_SERIES_POINTS + " points : réduisez l'intervalle ou choisissez "
        + "un pas plus long.");
      $("series-to").focus();
      return;
    }
    await loadInto(output, "Chargement de l'évolution…", () => Api.timed("series",
      { id: $("series-indicator").value }, Object.assign({ from, to, granularity }, scopeQuery())), timed => {
      const series = timed.body;
      renderSeries(series);
      output.appendChild(timing(timed.ms));
      say("Évolution affichée : " + series.label + ".");
    });
  }

  function renderSeries(series) {
    const captionId = "series-caption";
    const granularityNames = { month: "par mois", quarter: "par trimestre", "half-year": "par semestre",
      year: "par année" };
    const caption = series.label + " – " + Terms.scope(series.scope, series.scopeId) + ", "
      + (granularityNames[series.granularity] || series.granularity);
    const points = series.points.map(p => ({
      label: Terms.period(p.period), shortLabel: Terms.shortPeriod(p.period), value: p.value,
      display: Fr.byUnit(p.value, series.unit)
    }));
    const chart = Charts.line(points, {
      unit: series.unit, format: v => Fr.byUnit(v, series.unit === "STATISTIC" ? "RATIO" : series.unit),
      label: caption + ". " + points.map(p => p.label + " : " + p.display).join(" ; ")
    });
    const rows = series.points.map((p, i) => [points[i].label, Fr.isoDate(p.start), Fr.isoDate(p.end),
      points[i].display, Fr.plain(p.numerator), Fr.plain(p.denominator),
      p.coverage ? Fr.integer(p.coverage.contributing) + " sur " + Fr.integer(p.coverage.registered) : Fr.NO_VALUE]);
    $("series-output").replaceChildren(node("figure", { class: "series-figure", "aria-labelledby": captionId },
      node("figcaption", { id: captionId, text: caption }),
      chart,
      node("p", { class: "help", text: series.definition }),
      node("details", {}, node("summary", { text: "Tableau des valeurs" }),
        table(caption, ["Période", "Du", "Au", "Valeur", "Numérateur", "Dénominateur", "Cap emploi contributeurs"],
          rows, { numeric: true, textColumns: [1, 2] }))));
  }

  // ---- comparison of regions ---------------------------------------------------------------------------------

  async function loadRegions(event) {
    if (event) {
      event.preventDefault();
    }
    const output = $("regions-output");
    if (!selection || selection.scope !== "national" || isStructureBound() || !$("regions-indicator").value) {
      output.replaceChildren();
      return;
    }
    await loadInto(output, "Chargement de la comparaison des régions…", () => Api.timed("regions",
      { id: $("regions-indicator").value }, { period: selection.period, asOf: selection.asOf }), timed => {
      renderRegions(timed.body);
      output.appendChild(timing(timed.ms));
      say("Comparaison des régions affichée : " + timed.body.label + ".");
    });
  }

  function renderRegions(answer) {
    const captionId = "regions-caption";
    const caption = answer.label + " – par région, " + Terms.period(answer.period);
    const name = code => (Terms.REGION_NAMES[code] || "Région") + " (" + code + ")";
    const items = answer.regions.map(r => ({ label: name(r.region), value: r.value,
      display: valueText(r.value, answer.unit) }));
    const coverage = c => c ? Fr.integer(c.contributing) + " sur " + Fr.integer(c.registered) : Fr.NO_VALUE;
    const row = (label, r) => [label, valueText(r.value, answer.unit), Fr.plain(r.numerator), Fr.plain(r.denominator),
      coverage(r.coverage)];
    const rows = [row("France entière", answer.national)].concat(answer.regions.map(r => row(name(r.region), r)));
    const figure = node("figure", { class: "regions-figure", "aria-labelledby": captionId },
      node("figcaption", { id: captionId, text: caption }));
    if (items.length) {
      figure.appendChild(Charts.bars(items, { label: caption + ". " + items.map(i => i.label + " : " + i.display)
        .join(" ; "), max: answer.unit === "PERCENT" ? 100 : null }));
    }
    figure.appendChild(table(caption, ["Région", "Valeur", "Numérateur", "Dénominateur", "Cap emploi contributeurs"],
      rows, { numeric: true }));
    $("regions-output").replaceChildren(figure);
  }

  // ---- reports -----------------------------------------------------------------------------------------------

  /** The survey is made for a year or a half-year: a quarter or a month falls back on its year. */
  function surveyPeriod() {
    return selection.kind === "year" || selection.kind === "half" ? selection.period : String(selection.year);
  }

  function loadReports() {
    loadCnefop();
    loadActivity();
  }

  /** What the survey may be set beside, as the network's table set 2015 beside 2016 (6 mois). */
  function comparablePeriods(period) {
    const year = Number(period.slice(0, 4));
    if (period.includes("-H")) {
      const other = period.endsWith("-H1") ? "-H2" : "-H1";
      return [(year - 1) + "", year + other, (year - 1) + period.slice(4)];
    }
    return [(year - 1) + "", (year - 2) + ""];
  }

  function fillCompareOptions(period) {
    const select = $("cnefop-compare");
    const kept = select.value;
    const periods = comparablePeriods(period);
    select.replaceChildren(node("option", { value: "", text: "Aucune comparaison" }),
      ...periods.map(p => node("option", { value: p, text: Terms.period(p).replace(/^./, c => c.toUpperCase()) })));
    select.value = periods.includes(kept) ? kept : "";
  }

  function cnefopQuery() {
    return Object.assign(scopeQuery(), { compareWith: $("cnefop-compare").value });
  }

  async function loadCnefop() {
    const output = $("cnefop-output");
    const period = surveyPeriod();
    fillCompareOptions(period);
    $("cnefop-note").textContent = (period === selection.period ? "" : "L'enquête porte sur une année ou un "
      + "semestre : " + Terms.period(period) + ". ") + Terms.scope(selection.scope, selection.scopeId) + ".";
    await loadInto(output, "Chargement de l'enquête…", () => Api.timed("cnefop", { period }, cnefopQuery()), timed => {
      const survey = timed.body;
      if (survey.columns) {
        const titles = survey.columns.map(c => c.columnTitle);
        const rows = survey.rows.map(r => [r.label, ...r.cells.map(c => c.display), ...r.cells.map(c => c.comment)]);
        output.replaceChildren(table(survey.title, ["Question", ...titles, ...titles.map(t => "Commentaires " + t)],
          rows, { numeric: false, className: "survey" }));
      } else {
        const rows = survey.rows.map(r => [r.label, r.display, r.comment]);
        output.replaceChildren(table(survey.title, ["Question", survey.columnTitle, "Commentaires"], rows,
          { numeric: false, className: "survey" }));
      }
      output.appendChild(timing(timed.ms));
    });
  }

  async function loadActivity() {
    const output = $("activity-output");
    $("activity-note").textContent = Terms.scope(selection.scope, selection.scopeId) + ", "
      + Terms.period(selection.period) + (selection.kind === "quarter" ? "." : " (le rapport est d'ordinaire "
      + "trimestriel : choisissez un trimestre pour le rapport habituel).");
    await loadInto(output, "Chargement du rapport d'activité…",
      () => Api.timed("activity", { period: selection.period }, scopeQuery()), timed => {
      const report = timed.body;
      output.replaceChildren(...report.sections.map(section => table(section.title, ["Libellé", "Valeur"],
        section.lines.map(line => [line.label, Fr.plain(line.value)]), { numeric: true, className: "activity" })),
        timing(timed.ms));
    });
  }

  /** query: a function giving the query parameters when clicked (the scope's by default). */
  async function save(button, name, period, accept, fallback, query) {
    if (!selection) {
      return;
    }
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      const file = await Api.download(name, { period }, (query || scopeQuery)(), accept, fallback);
      say("Fichier téléchargé : " + file + ".");
    } catch (error) {
      alertUser(error.message);
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }

  // ---- projection status -------------------------------------------------------------------------------------

  function stopStatusRefresh() {
    if (statusTimer) {
      clearInterval(statusTimer);
      statusTimer = null;
    }
  }

  function startStatusRefresh() {
    stopStatusRefresh();
    if (!isStructureBound()) {
      statusTimer = setInterval(() => {
        if (!document.hidden) {
          loadStatus();
        }
      }, STATUS_REFRESH_MS);
    }
  }

  async function loadStatus() {
    const summary = $("status-summary");
    if (isStructureBound()) {
      summary.textContent = "L'état des projections est réservé aux analystes et aux administrateurs.";
      $("status-refresh").hidden = true;
      $("status-details").hidden = true;
      return;
    }
    $("status-refresh").hidden = false;
    try {
      const status = await Api.json("projectionStatus", {}, {});
      const active = status.partitions.filter(p => p.projection.endsWith(".g" + status.activeGeneration));
      const latest = active.map(p => p.lastEventAt).filter(Boolean).sort().pop();
      let text = "Génération active : " + status.activeGeneration + " – retard total : "
        + Fr.integer(status.totalLag) + (status.totalLag > 1 ? " événements" : " événement")
        + " – dernier événement appliqué le " + (latest ? Fr.instant(latest) : Fr.NO_VALUE) + ".";
      if (status.lastRebuild) {
        const r = status.lastRebuild;
        text += " Dernière reconstruction : génération " + r.generation + ", lancée le " + Fr.instant(r.startedAt)
          + (r.switchedAt ? ", en service depuis le " + Fr.instant(r.switchedAt) + "." : ", en cours.");
      }
      summary.textContent = text;
      $("status-details").hidden = false;
      $("status-table").replaceChildren(table("Position des projections",
        ["Projection", "Sujet", "Partition", "Position", "Fin du sujet", "Retard", "Dernier événement appliqué"],
        status.partitions.map(p => [p.projection, p.topic, String(p.partition), Fr.integer(p.offset),
          Fr.integer(p.endOffset), Fr.integer(p.lag), p.lastEventAt ? Fr.instant(p.lastEventAt) : Fr.NO_VALUE]),
        { numeric: true, textColumns: [1, 6] }));
    } catch (error) {
      summary.textContent = error.message;
      $("status-details").hidden = true;
      if (error.status === 401 || error.status === 403) {
        stopStatusRefresh();
      }
    }
  }

  // ---- start -------------------------------------------------------------------------------------------------

  function start() {
    $("region").replaceChildren(...Terms.REGIONS.map(([code, name]) =>
      node("option", { value: code, text: name + " (" + code + ")" })));
    const today = Fr.todayInFrance();
    $("period-year").value = today.year;
    showPeriodPart();
    $("period-part").value = "Q" + Math.ceil(today.month / 3);

    $("login-form").addEventListener("submit", signIn);
    $("logout").addEventListener("click", signOut);
    document.querySelectorAll("input[name=scope]").forEach(r => r.addEventListener("change", showScopeFields));
    $("period-kind").addEventListener("change", showPeriodPart);
    $("selection-form").addEventListener("submit", event => {
      event.preventDefault();
      showAll();
    });
    $("series-form").addEventListener("submit", loadSeries);
    $("regions-form").addEventListener("submit", loadRegions);
    $("cnefop-csv").addEventListener("click", e => save(e.currentTarget, "cnefop", surveyPeriod(), "text/csv",
      "enquete-cnefop.csv", cnefopQuery));
    $("cnefop-xlsx").addEventListener("click", e => save(e.currentTarget, "cnefop", surveyPeriod(),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "enquete-cnefop.xlsx", cnefopQuery));
    $("cnefop-compare").addEventListener("change", () => {
      if (selection) {
        loadCnefop();
      }
    });
    $("activity-csv").addEventListener("click", e => save(e.currentTarget, "activity", selection.period, "text/csv",
      "rapport-activite.csv"));
    $("status-refresh").addEventListener("click", loadStatus);

    showSession();
    if (Api.token()) {
      openOnLatestFacts();
    } else {
      $("token").focus();
    }
  }

  start();
})();
