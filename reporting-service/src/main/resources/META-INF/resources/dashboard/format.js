/*
 * French number and date formats, written out by hand rather than left to Intl: the figures must read the same
 * (decimal comma, narrow no-break space between thousands, dd/mm/yyyy) whatever the browser's locale data.
 */
"use strict";

window.Fr = (function () {
  const NARROW_NBSP = "\u202F";
  const NO_VALUE = "–";

  /** A number with exactly `decimals` decimals, decimal comma and narrow no-break spaces between thousands. */
  function number(value, decimals) {
    if (value === null || value === undefined || value === "" || Number.isNaN(Number(value))) {
      return NO_VALUE;
    }
    const fixed = Math.abs(Number(value)).toFixed(decimals || 0);
    const [whole, fraction] = fixed.split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
    const negative = Number(value) < 0 && Number(fixed) !== 0;
    return (negative ? "-" : "") + grouped + (fraction ? "," + fraction : "");
  }

  function integer(value) {
    return number(value, 0);
  }

  function percent(value, decimals) {
    const text = number(value, decimals === undefined ? 1 : decimals);
    return text === NO_VALUE ? text : text + NARROW_NBSP + "%";
  }

  /** How a value of an indicator reads, by its unit (COUNT, PERCENT 0-100, RATIO, SUM, STATISTIC). */
  function byUnit(value, unit) {
    switch (unit) {
      case "PERCENT": return percent(value, 1);
      case "RATIO": return number(value, 2);
      case "SUM": return number(value, 2);
      case "STATISTIC": return value === null || value === undefined ? NO_VALUE : number(value, 1) + NARROW_NBSP + "j";
      default: return integer(value);
    }
  }

  /** A bare number, with decimals only when it has some (numerators and denominators of declared sums). */
  function plain(value) {
    if (value === null || value === undefined) {
      return NO_VALUE;
    }
    const n = Number(value);
    return Number.isInteger(n) ? integer(n) : number(n, 2);
  }

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  /** "2016-03-31" -> "31/03/2016", without going through a Date (no time zone can shift it). */
  function isoDate(iso) {
    if (!iso) {
      return NO_VALUE;
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    return m ? m[3] + "/" + m[2] + "/" + m[1] : iso;
  }

  /** An instant, shown in metropolitan French time: "31/05/2017 à 14:03". */
  function instant(iso) {
    if (!iso) {
      return NO_VALUE;
    }
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      return iso;
    }
    const parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(date).forEach(p => { parts[p.type] = p.value; });
    return parts.day + "/" + parts.month + "/" + parts.year + " à " + parts.hour + ":" + parts.minute;
  }

  /** "31/12/2016" -> "2016-12-31", or null when it is not a real dd/mm/yyyy date. */
  function parseDate(text) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || "");
    if (!m) {
      return null;
    }
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = Number(m[3]);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return null;
    }
    return year + "-" + pad(month) + "-" + pad(day);
  }

  /** How long an answer took, for a discreet mention: "85 ms", "1,4 s". */
  function duration(ms) {
    return ms < 1000 ? integer(Math.round(ms)) + NARROW_NBSP + "ms" : number(ms / 1000, 1) + NARROW_NBSP + "s";
  }

  function todayInFrance() {
    const parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date()).forEach(p => { parts[p.type] = p.value; });
    return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  }

  /** A value the figures cannot give (a share with a zero denominator): said in words, never 0 %. */
  const NOT_AVAILABLE = "non disponible";

  return { number, integer, percent, byUnit, plain, isoDate, instant, parseDate, todayInFrance, pad, duration,
    NO_VALUE, NOT_AVAILABLE };
})();
