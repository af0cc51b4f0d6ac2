'use strict';
// LEFI Online for named users. The browser presents the user's personal e-identification
// certificate; every call is checked and audited again on the server. Server data is written with
// textContent only. The form is never reset, so nothing the user typed is lost. The server's own
// messages are English and technical: the user reads Swedish texts chosen here by the refusal code.
const API = '../api/web';
const F = SwedishFormat;

// Refusals that end the session: what happened, and what the user can do about it.
const REFUSALS = {
  USER_DEREGISTERED: ['Din behörighet att använda LEFI Online webb har upphört.',
    'Vänd dig till din chef om du fortfarande behöver tjänsten: ett nytt behörighetsbeslut behövs.'],
  USER_NOT_AUTHORISED: ['Du har inget gällande behörighetsbeslut för LEFI Online webb.',
    'Be din chef att fatta ett behörighetsbeslut och anmäla det till Försäkringskassan.'],
  UNKNOWN_CERTIFICATE: ['Du loggade inte in med en personlig e-legitimation som tjänsten känner till.',
    'Logga in med din personliga e-legitimation. Hör av dig till din organisations behörighetsadministratör om det inte fungerar.'],
  NO_CLIENT_CERTIFICATE: ['Webbläsaren visade ingen e-legitimation.', 'Logga in med din personliga e-legitimation.'],
  CERTIFICATE_REVOKED: ['Din e-legitimation är spärrad av utfärdaren.', 'Skaffa en ny e-legitimation och logga in med den.'],
  CERTIFICATE_STATUS_UNKNOWN: ['Det går inte att kontrollera din e-legitimation just nu.', 'Försök igen om en stund.'],
  NOT_CONNECTED: ['Din organisation är inte ansluten till LEFI Online.', 'Kontakta den som ansvarar för avtalet med Försäkringskassan i din organisation.'],
  AGREEMENT_NOT_SIGNED: ['Din organisations avtal med Försäkringskassan är inte underskrivet av båda parter.',
    'Kontakta den som ansvarar för avtalet i din organisation.'],
  AGREEMENT_TERMINATED: ['Din organisations avtal med Försäkringskassan har upphört.',
    'Kontakta den som ansvarar för avtalet i din organisation.'],
  INTERFACE_NOT_COVERED: ['Din organisations avtal omfattar inte webbtjänsten.', 'Kontakta den som ansvarar för avtalet i din organisation.'],
  OUTSIDE_SERVICE_HOURS: ['Tjänsten är stängd just nu.', 'Försök igen under tjänstens öppettider.'],
  TOO_MANY_REQUESTS: ['Din organisation har många frågor på gång just nu.', 'Vänta en stund och försök igen.'],
  SERVICE_UNAVAILABLE: ['Frågan kunde inte besvaras, och inga uppgifter lämnades ut.', 'Försök igen om en stund.'],
};

// Refusals of one question: the field they concern and what to do. The user may correct and ask again.
const QUESTION_ERRORS = {
  INVALID_PERSON_ID: ['personId', 'Personnumret eller samordningsnumret är inte giltigt. Skriv 12 siffror och kontrollera den sista siffran.'],
  INVALID_PERIOD: ['period', 'Perioden börjar efter att den slutar. Ändra datumen.'],
  PERIOD_TOO_LONG: ['period', 'Perioden är längre än två år, och ert avtal tillåter inte det. Välj en kortare period.'],
  NO_INFORMATION_TYPE: ['informationType', 'Välj minst en uppgift att hämta.'],
  CONSENT_MISSING: ['consent', 'Ändamålet kräver personens samtycke. Fyll i samtyckets id, datum och omfattning.'],
  CONSENT_INVALID: ['consent', 'Samtycket gäller inte i dag. Kontrollera samtyckets id och datum.'],
  CONSENT_WITHDRAWN: ['consent', 'Personen har återkallat samtycket. Uppgifterna kan inte hämtas med stöd av det.'],
  CASE_MISSING: ['caseId', 'Ange ärendenumret för ert öppna ärende om personen.'],
  PURPOSE_NOT_IN_AGREEMENT: ['purpose', 'Ändamålet ingår inte i ert avtal. Välj ett annat ändamål.'],
  NO_LEGAL_BASIS: ['purpose', 'Det finns inget rättsligt stöd för ändamålet för er typ av organisation. Välj ett annat ändamål.'],
};

// The fields the server names when a value is missing or malformed, and what to write there.
const FIELD_HINTS = {
  personId: 'Fyll i personnummer eller samordningsnummer.',
  purpose: 'Välj ett ändamål.',
  informationType: 'Välj minst en uppgift att hämta.',
  period: 'Fyll i både från- och till-datum.',
  consent: 'Fyll i samtyckets id, datum och omfattning.',
  caseId: 'Ärendenumret får bara innehålla bokstäver, siffror och - . _ : /',
};
const FIELD_LABELS = { personId: 'Personnummer', purpose: 'Ändamål', informationType: 'Uppgifter', period: 'Period', consent: 'Samtycke', caseId: 'Ärendenummer' };
const FIRST_INPUT = { personId: 'personId', purpose: 'purpose', informationType: 'type-choices', period: 'from', consent: 'consentId', caseId: 'caseId' };

const OUTCOMES = { BEVILJAT: 'Beviljat', DELVIS_BEVILJAT: 'Delvis beviljat', AVSLAG: 'Avslag' };
const DECISION_TYPES = { NYTT: 'Nytt beslut', ANDRING: 'Ändring', FORLANGNING: 'Förlängning' };
const SGI_TYPES = { ANSTALLD: 'Anställd', NARINGSIDKARE: 'Näringsidkare', KOMBINERAD: 'Anställd och näringsidkare', STUDIETID: 'Skyddad under studietid' };
const INCOME_KINDS = { EMPLOYMENT: 'Anställning', BUSINESS: 'Näringsverksamhet' };
const SOURCE_STATES = { OK: 'uppgifter finns', MISSING: 'inga uppgifter för perioden', UNAVAILABLE: 'källan kunde inte svara; försök igen senare' };
const CONDITIONS = { CONSENT: 'Kräver personens samtycke.', OPEN_CASE: 'Kräver ett öppet ärende om personen.', NONE: '' };

let session = null;

async function call(method, path, body) {
  const response = await fetch(API + path, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({ code: 'SERVICE_UNAVAILABLE' }));
  return { ok: response.ok, data };
}


/** "Sjukpenning (SJP)": the benefit's name with its code beside it. */
function typeName(code) {
  const name = session && session.informationTypeName[code];
  return name ? name + ' (' + code + ')' : code;
}

function purposeName(code) {
  return (session && session.purposeName[code]) || code;
}

/**
 * A table with its caption (read by screen readers only when a heading above already says it), header
 * cells and rows; the columns in numeric align right.
 */
function table({ caption, captionHidden, headers, rows, numeric, footer }) {
  const t = element('table');
  t.appendChild(element('caption', caption, captionHidden ? 'visually-hidden' : ''));
  const head = t.createTHead().insertRow();
  headers.forEach((h, i) => {
    const th = element('th', h, numeric.includes(i) ? 'number' : '');
    th.scope = 'col';
    head.appendChild(th);
  });
  const body = t.createTBody();
  for (const values of rows) {
    const tr = body.insertRow();
    values.forEach((v, i) => tr.appendChild(element('td', v, numeric.includes(i) ? 'number' : '')));
  }
  if (footer) {
    const tr = t.createTFoot().insertRow();
    footer.forEach((v, i) => {
      const th = element(i === 0 ? 'th' : 'td', v, numeric.includes(i) ? 'number' : '');
      if (i === 0) th.scope = 'row';
      tr.appendChild(th);
    });
  }
  return t;
}

function showOnly(id) {
  for (const section of ['refusal', 'fetch', 'show']) {
    document.getElementById(section).hidden = section !== id;
  }
}

function refuse(problem) {
  const [text, todo] = REFUSALS[problem.code] || ['Du kan inte använda tjänsten.', 'Kontakta Försäkringskassans support och uppge felkoden.'];
  document.getElementById('who').textContent = 'Inte inloggad';
  document.getElementById('refusal-text').textContent = text;
  document.getElementById('refusal-todo').textContent = todo;
  document.getElementById('refusal-code').textContent = problem.code;
  document.title = 'Ingen åtkomst — LEFI Online webb';
  showOnly('refusal');
}

function chosenPurpose(form) {
  return session.purpose.find(p => p.purpose === form.purpose.value);
}

/** The types, the legal basis and the condition of the chosen purpose; ticked types stay ticked. */
function offerTypes() {
  const form = document.getElementById('fetch-form');
  const chosen = chosenPurpose(form);
  const box = document.getElementById('type-choices');
  const checked = new Set([...box.querySelectorAll('input:checked')].map(i => i.value));
  box.replaceChildren();
  for (const type of chosen ? chosen.informationType : []) {
    const label = element('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'informationType';
    input.value = type;
    input.checked = checked.has(type);
    label.append(input, ' ' + typeName(type));
    box.appendChild(label);
  }
  document.getElementById('purpose-basis').textContent = chosen
    ? ('Rättsligt stöd: ' + chosen.legalBasis + '. ' + (CONDITIONS[chosen.condition] || '')).trim() : '';
  document.getElementById('consent').hidden = !chosen || chosen.condition !== 'CONSENT';
  document.getElementById('case').hidden = !!chosen && chosen.condition === 'CONSENT';
}

function clearErrors() {
  document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  document.getElementById('form-message').textContent = '';
}

/** The message beside its field, the field marked invalid, and a summary the screen reader announces. */
function fieldErrors(errors) {
  const summary = document.getElementById('form-message');
  summary.replaceChildren(element('p', errors.length === 1 ? 'Frågan skickades inte. Rätta felet:' : 'Frågan skickades inte. Rätta felen:'));
  const list = element('ul');
  for (const { field, text } of errors) {
    document.querySelector('.field-error[data-for="' + field + '"]').textContent = text;
    const input = document.getElementById(FIRST_INPUT[field] || '');
    if (input && input.tagName !== 'DIV') input.setAttribute('aria-invalid', 'true');
    const item = element('li');
    if (input) {
      const link = element('a', (FIELD_LABELS[field] ? FIELD_LABELS[field] + ': ' : '') + text);
      link.href = '#' + input.id;
      link.addEventListener('click', event => { event.preventDefault(); (input.querySelector('input') || input).focus(); });
      item.appendChild(link);
    } else {
      item.textContent = text;
    }
    list.appendChild(item);
  }
  summary.appendChild(list);
  const first = document.getElementById(FIRST_INPUT[errors[0].field] || '');
  if (first) (first.querySelector('input') || first).focus();
}

function question(form) {
  const types = [...form.querySelectorAll('input[name=informationType]:checked')].map(i => i.value);
  const q = { personId: form.personId.value.trim(), purpose: form.purpose.value, informationType: types,
    period: { from: form.from.value || null, tom: form.tom.value || null } };
  if (!document.getElementById('consent').hidden && form.consentId.value) {
    q.consent = { consentId: form.consentId.value, givenOn: form.consentGivenOn.value || null, scope: form.consentScope.value };
  }
  if (!document.getElementById('case').hidden && form.caseId.value) q.caseId = form.caseId.value;
  return q;
}

/** The refusal of one question, told beside the field it concerns. */
function questionRefused(problem) {
  const known = QUESTION_ERRORS[problem.code];
  if (known) {
    fieldErrors([{ field: known[0], text: known[1] + ' (felkod ' + problem.code + ')' }]);
  } else if (problem.code === 'INVALID_REQUEST' && (problem.detail || '').startsWith('Invalid fields: ')) {
    const fields = new Set(problem.detail.substring('Invalid fields: '.length).split(', ').map(name => name.split('.')[0].replace(/\[.*$/, '')));
    fieldErrors([...fields].map(field => FIELD_HINTS[field] ? { field, text: FIELD_HINTS[field] } : { field: 'form', text: 'Frågan är ofullständig.' }));
  } else {
    const [text, todo] = REFUSALS[problem.code] || ['Frågan kunde inte besvaras.', 'Försök igen, eller kontakta support och uppge felkoden.'];
    fieldErrors([{ field: 'form', text: text + ' ' + todo + ' (felkod ' + problem.code + ')' }]);
  }
}

function extentText(extent) {
  if (!extent) return '';
  const { numerator: n, denominator: d } = extent;
  if (n === d) return 'Hel';
  return n + '/' + d;
}

function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}

function nothing(text) {
  return element('p', text, 'empty');
}

function showDecisions(decisions) {
  const box = document.getElementById('decisions');
  box.replaceChildren();
  if (decisions.length === 0) box.appendChild(nothing('Inga beslut för perioden.'));
  for (const [benefit, list] of groupBy(decisions, d => d.benefit)) {
    const section = element('section', null, 'benefit');
    section.dataset.benefit = benefit;
    section.appendChild(element('h4', typeName(benefit)));
    section.appendChild(table({ caption: 'Beslut om ' + typeName(benefit), captionHidden: true,
      headers: ['Beslut', 'Period', 'Omfattning', 'Dagar', 'Utfall', 'Belopp per dag', 'Beslutsdatum', 'Typ'],
      rows: list.map(d => [d.decisionId, F.period(d.period.from, d.period.tom), extentText(d.extent), F.number(d.days),
        OUTCOMES[d.outcome] || d.outcome, F.kronor((d.dailyPayment[0] || {}).amountPerDay), F.date(d.decisionDate),
        (DECISION_TYPES[d.decisionType] || d.decisionType || '') + (d.finalDecision ? '' : ' (ej slutligt)')]),
      numeric: [3, 5] }));
    box.appendChild(section);
  }
}

function showPayments(payments) {
  const box = document.getElementById('payments');
  box.replaceChildren();
  if (payments.length === 0) box.appendChild(nothing('Inga utbetalningar för perioden.'));
  const sorted = [...payments].sort((a, b) => String(b.paymentDate).localeCompare(String(a.paymentDate)));
  for (const [month, list] of groupBy(sorted, p => String(p.paymentDate).substring(0, 7))) {
    const section = element('section', null, 'month');
    section.dataset.month = month;
    const title = F.month(month);
    section.appendChild(element('h4', title.charAt(0).toUpperCase() + title.substring(1)));
    const sum = field => list.reduce((total, p) => total + Number(p[field] || 0), 0);
    section.appendChild(table({ caption: 'Utbetalningar ' + title, captionHidden: true,
      headers: ['Förmån', 'Utbetald', 'Avser period', 'Brutto', 'Skatt', 'Avdrag', 'Netto'],
      rows: list.map(p => [typeName(p.benefit), F.date(p.paymentDate), F.period(p.period.from, p.period.tom), F.kronor(p.grossAmount),
        F.kronor(p.tax), F.kronor(p.deductions), F.kronor(p.netAmount)]),
      numeric: [3, 4, 5, 6],
      footer: ['Summa ' + title, '', '', F.kronor(sum('grossAmount')), F.kronor(sum('tax')), F.kronor(sum('deductions')), F.kronor(sum('netAmount'))] }));
    box.appendChild(section);
  }
}

function showSgi(sgi) {
  const box = document.getElementById('sgi');
  box.replaceChildren();
  if (sgi.length === 0) box.appendChild(nothing('Ingen SGI för perioden.'));
  for (const s of sgi) {
    const entry = element('div', null, 'sgi');
    const facts = element('dl', null, 'facts');
    for (const [term, value] of [['Fastställd', F.date(s.setOn)], ['Grund', SGI_TYPES[s.sgiType] || s.sgiType],
      ['Årsinkomst', F.kronor(s.annualIncome)]]) {
      facts.append(element('dt', term), element('dd', value));
    }
    entry.appendChild(facts);
    if ((s.incomeSource || []).length > 0) {
      entry.appendChild(table({ caption: 'Inkomsten grundas på', headers: ['Inkomstslag', 'Beskrivning', 'Årsbelopp'],
        rows: s.incomeSource.map(i => [INCOME_KINDS[i.kind] || i.kind, i.description, F.kronor(i.annualAmount)]), numeric: [2] }));
    }
    box.appendChild(entry);
  }
}

function show(answer, asked) {
  const person = String(answer.personId || asked.personId);
  document.getElementById('answer-person').textContent = person.length === 12 ? person.substring(0, 8) + '-' + person.substring(8) : person;
  document.getElementById('answer-purpose').textContent = purposeName(asked.purpose);
  document.getElementById('answer-period').textContent = F.period(asked.period.from, asked.period.tom);
  document.getElementById('register-time').textContent = F.dateTime(answer.registerTime);
  document.getElementById('register-time').dataset.instant = answer.registerTime;
  document.getElementById('request-id').textContent = answer.requestId;
  document.getElementById('answer-by').textContent = session.userName + ', ' + session.organisationName + ', ' + F.dateTime(new Date());

  const sources = document.getElementById('sources');
  sources.replaceChildren();
  for (const s of answer.sourceStatus) {
    const item = element('li', typeName(s.informationType) + ': ' + (SOURCE_STATES[s.status] || s.status));
    item.dataset.status = s.status;
    sources.appendChild(item);
  }
  const withheld = answer.deviation.map(d => d.informationType);
  document.getElementById('withheld').hidden = withheld.length === 0;
  document.getElementById('withheld-types').textContent = withheld.map(typeName).join(', ');

  showDecisions(answer.decision);
  showPayments(answer.payment);
  showSgi(answer.sgi);
  showOnly('show');
  document.title = 'Svar — LEFI Online webb';
  document.getElementById('show').focus();
}

document.addEventListener('DOMContentLoaded', async () => {
  const form = document.getElementById('fetch-form');
  form.tom.value = F.today();
  const { ok, data } = await call('GET', '/session');
  if (!ok) {
    refuse(data);
    return;
  }
  session = data;
  document.getElementById('who').textContent = data.userName + ', ' + data.organisationName;
  for (const p of data.purpose) {
    form.purpose.appendChild(element('option', purposeName(p.purpose))).value = p.purpose;
  }
  form.purpose.addEventListener('change', offerTypes);
  offerTypes();
  showOnly('fetch');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors();
    const asked = question(form);
    const result = await call('POST', '/query', asked);
    if (result.ok) {
      show(result.data, asked);
    } else if (REFUSALS[result.data.code] && !['SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS', 'OUTSIDE_SERVICE_HOURS'].includes(result.data.code)) {
      refuse(result.data);
    } else {
      questionRefused(result.data);
    }
  });
  document.getElementById('back').addEventListener('click', () => {
    showOnly('fetch');
    document.title = 'LEFI Online webb — Försäkringskassan';
    form.personId.focus();
  });
  document.getElementById('print').addEventListener('click', () => window.print());
});
