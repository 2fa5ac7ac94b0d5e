/*
 * Every call the dashboard makes to the reporting API, declared once: path template, the query parameters it may
 * send and the formats it may ask for. DashboardTest reads these declarations to check that each path answers.
 */
"use strict";

window.Api = (function () {
  const TOKEN_KEY = "cepcpf.reporting.token";

  function route(path, params, accepts) {
    return Object.freeze({ path, params, accepts: accepts || [] });
  }

  const ROUTES = Object.freeze({
    indicators: route("/api/v1/indicators", ["scope", "scopeId", "period", "asOf"]),
    series: route("/api/v1/indicators/{id}/series", ["from", "to", "granularity", "scope", "scopeId", "asOf"]),
    regions: route("/api/v1/indicators/{id}/regions", ["period", "asOf"]),
    latestPeriod: route("/api/v1/indicators/latest-period", []),
    cnefop: route("/api/v1/reports/cnefop/{period}", ["scope", "scopeId", "asOf", "compareWith"],
      ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]),
    activity: route("/api/v1/reports/activity/{period}", ["scope", "scopeId", "asOf"], ["text/csv"]),
    projectionStatus: route("/api/v1/projections/status", [])
  });

  const FIELD_NAMES = {
    scope: "Échelle", scopeId: "Région ou identifiant de structure", period: "Période", asOf: "À la date du",
    compareWith: "Comparer avec", from: "Début de l'évolution", to: "Fin de l'évolution", granularity: "Pas"
  };

  /** An answer other than 2xx, with the message a French user reads. */
  class ApiError extends Error {
    constructor(status, problem) {
      super(message(status, problem));
      this.status = status;
      this.problem = problem;
    }
  }

  function message(status, problem) {
    switch (status) {
      case 0:
        return "Le service de reporting ne répond pas. Vérifiez qu'il est démarré puis réessayez.";
      case 401:
        return "Accès refusé (401) : le jeton d'accès est absent, expiré ou invalide. Saisissez un nouveau jeton, "
          + "obtenu par exemple avec « ./suite token analyst » ou « ./suite token manager <identifiant de structure> ».";
      case 403:
        return "Accès interdit (403) : votre rôle ne permet pas de consulter ces chiffres. Un responsable de structure "
          + "ne voit que sa propre structure ; les conseillers et les partenaires n'ont pas accès aux indicateurs.";
      case 404:
        return "Introuvable (404) : cette structure n'existe pas ou n'est pas dans votre périmètre.";
      case 400: {
        const fields = (problem && problem.violations || []).map(v => FIELD_NAMES[v.field] || v.field);
        return "Paramètre refusé (400)" + (fields.length ? " : « " + fields.join(" », « ") + " »." : ".")
          + " Vérifiez l'échelle, la période et la date.";
      }
      default:
        return "Le service de reporting a rencontré une erreur (" + status + "). Réessayez dans un instant.";
    }
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function setToken(value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  }

  function clearToken() {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  /** The claims of the token, read only to adapt the page (the service checks the signature, not us). */
  function claims() {
    const value = token();
    if (!value) {
      return null;
    }
    try {
      const payload = value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const json = decodeURIComponent(Array.from(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, "=")))
        .map(c => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  function url(name, pathValues, query) {
    const r = ROUTES[name];
    let path = r.path.replace(/\{(\w+)\}/g, (all, key) => encodeURIComponent(pathValues[key]));
    const search = new URLSearchParams();
    Object.entries(query || {}).forEach(([key, value]) => {
      if (!r.params.includes(key)) {
        throw new Error("The dashboard does not declare the parameter " + key + " for " + r.path);
      }
      if (value !== null && value !== undefined && value !== "") {
        search.append(key, value);
      }
    });
    const text = search.toString();
    return path + (text ? "?" + text : "");
  }

  async function call(name, pathValues, query, accept) {
    const r = ROUTES[name];
    if (accept && !r.accepts.includes(accept)) {
      throw new Error("The dashboard does not declare the format " + accept + " for " + r.path);
    }
    const headers = { Accept: accept || "application/json" };
    if (token()) {
      headers.Authorization = "Bearer " + token();
    }
    let response;
    try {
      response = await fetch(url(name, pathValues, query), { headers, cache: "no-store" });
    } catch (e) {
      throw new ApiError(0, null);
    }
    if (!response.ok) {
      let problem = null;
      try {
        problem = await response.json();
      } catch (e) {
        problem = null;
      }
      throw new ApiError(response.status, problem);
    }
    return response;
  }

  async function json(name, pathValues, query) {
    return (await call(name, pathValues, query)).json();
  }

  /** The answer and how long it took, request to parsed body, in milliseconds (shown discreetly). */
  async function timed(name, pathValues, query) {
    const started = performance.now();
    const body = await json(name, pathValues, query);
    return { body, ms: performance.now() - started };
  }

  /** Fetches a file with the Authorization header (a plain link could not send it), then saves it. */
  async function download(name, pathValues, query, accept, fallbackName) {
    const response = await call(name, pathValues, query, accept);
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="?([^";]+)"?/.exec(disposition);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = match ? match[1] : fallbackName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    return link.download;
  }

  return { ROUTES, ApiError, token, setToken, clearToken, claims, json, timed, download };
})();
