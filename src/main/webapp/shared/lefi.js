'use strict';
// What the case handlers' web and the console both use: Swedish formats (amounts as "1 234,50 kr",
// dates as 2026-11-30, the Swedish standard form, times in Swedish time) and one way to make elements.

/** A new element with its text (set as textContent: server data is never read as HTML) and class. */
function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

const SwedishFormat = (() => {
  const kronor = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', minimumFractionDigits: 2 });
  const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
  const dateTime = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const monthName = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', year: 'numeric', month: 'long' });
  const blank = value => value === null || value === undefined || value === '';
  return {
    /** 1234.5 or "1234.50" as "1 234,50 kr". */
    kronor: value => (blank(value) ? '' : kronor.format(Number(value))),
    /** 12.5 as "12,5". */
    number: value => (blank(value) ? '' : number.format(Number(value))),
    /** An ISO date as it stands (yyyy-mm-dd is how Swedish dates are written). */
    date: value => (blank(value) ? '' : String(value).substring(0, 10)),
    /** An instant as "2026-11-30 21:03:12", Swedish time. */
    dateTime: value => (blank(value) ? '' : dateTime.format(new Date(value))),
    /** "2026-11" as "november 2026". */
    month: value => monthName.format(new Date(value + '-01T00:00:00Z')),
    /** A period as "2026-01-01 – 2026-03-31". */
    period: (from, tom) => (from || '') + ' – ' + (tom || ''),
    /** Today's date in Sweden, yyyy-mm-dd. */
    today: () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
  };
})();
