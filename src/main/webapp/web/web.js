'use strict';
// LEFI Online for named users. The browser presents the user's personal e-identification
// certificate; every call is checked and audited again on the server. Server data is written with
// textContent only. The form is never reset, so nothing the user typed is lost.
const API = '../api/web';

// Which field a refusal code belongs to, so the message lands next to it.
const FIELD_OF_CODE = {
  INVALID_PERSON_ID: 'personId', INVALID_PERIOD: 'period', PERIOD_TOO_LONG: 'period',
  NO_INFORMATION_TYPE: 'informationType', CONSENT_MISSING: 'consent', CONSENT_INVALID: 'consent',
  CASE_MISSING: 'caseId', PURPOSE_NOT_IN_AGREEMENT: 'purpose', NO_LEGAL_BASIS: 'purpose',
};

let session = null;

async function call(method, path, body) {
  const response = await fetch(API + path, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json();
  return { ok: response.ok, data };
}

function cells(table, values) {
  const tr = document.createElement('tr');
  for (const value of values) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '' : String(value);
    tr.appendChild(td);
  }
  document.querySelector('#' + table + ' tbody').appendChild(tr);
}

function showOnly(id) {
  for (const section of ['refusal', 'fetch', 'show']) {
    document.getElementById(section).hidden = section !== id;
  }
}

function refuse(problem) {
  document.getElementById('who').textContent = 'Not logged in.';
  document.getElementById('refusal-text').textContent = problem.detail;
  document.getElementById('refusal-code').textContent = problem.code;
  showOnly('refusal');
}

function offerTypes() {
  const form = document.getElementById('fetch-form');
  const chosen = session.purpose.find(p => p.purpose === form.purpose.value);
  const box = document.getElementById('types');
  const checked = new Set([...box.querySelectorAll('input:checked')].map(i => i.value));
  box.querySelectorAll('label').forEach(l => l.remove());
  for (const type of chosen ? chosen.informationType : []) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'informationType';
    input.value = type;
    input.checked = checked.has(type);
    label.append(input, ' ' + type);
    box.appendChild(label);
  }
  document.getElementById('consent').hidden = !chosen || chosen.condition !== 'CONSENT';
}

function clearErrors() {
  document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
}

function fieldError(field, text) {
  const target = document.querySelector('.field-error[data-for="' + field + '"]');
  target.textContent = text;
}

function question(form) {
  const types = [...form.querySelectorAll('input[name=informationType]:checked')].map(i => i.value);
  const q = { personId: form.personId.value.trim(), purpose: form.purpose.value, informationType: types,
    period: { from: form.from.value || null, tom: form.tom.value || null } };
  if (form.consentId.value) {
    q.consent = { consentId: form.consentId.value, givenOn: form.consentGivenOn.value || null, scope: form.consentScope.value };
  }
  if (form.caseId.value) q.caseId = form.caseId.value;
  return q;
}

function show(answer) {
  document.getElementById('register-time').textContent = answer.registerTime;
  document.getElementById('request-id').textContent = answer.requestId;
  for (const table of ['deviations', 'decisions', 'payments', 'sgi']) {
    document.querySelector('#' + table + ' tbody').replaceChildren();
  }
  for (const d of answer.deviation) cells('deviations', [d.informationType, d.code, d.message]);
  for (const d of answer.decision) {
    cells('decisions', [d.decisionId, d.benefit, d.period.from, d.period.tom, d.extent.numerator + '/' + d.extent.denominator,
      d.days, d.outcome, (d.dailyPayment[0] || {}).amountPerDay, d.decisionDate]);
  }
  for (const p of answer.payment) {
    cells('payments', [p.paymentId, p.benefit, p.paymentDate, p.period.from, p.period.tom, p.grossAmount, p.tax, p.deductions, p.netAmount]);
  }
  for (const s of answer.sgi) cells('sgi', [s.setOn, s.sgiType, s.annualIncome]);
  showOnly('show');
}

document.addEventListener('DOMContentLoaded', async () => {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const form = document.getElementById('fetch-form');
  form.tom.value = today;
  const { ok, data } = await call('GET', '/session');
  if (!ok) {
    refuse(data);
    return;
  }
  session = data;
  document.getElementById('who').textContent = data.userName + ', ' + data.organisationName;
  for (const p of data.purpose) {
    const option = document.createElement('option');
    option.value = p.purpose;
    option.textContent = p.purpose + ' — ' + p.legalBasis;
    form.purpose.appendChild(option);
  }
  form.purpose.addEventListener('change', offerTypes);
  offerTypes();
  showOnly('fetch');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors();
    const result = await call('POST', '/query', question(form));
    if (result.ok) {
      show(result.data);
      return;
    }
    const problem = result.data;
    if (['USER_DEREGISTERED', 'USER_NOT_AUTHORISED', 'AGREEMENT_TERMINATED', 'NOT_CONNECTED'].includes(problem.code)) {
      refuse(problem);
      return;
    }
    const field = FIELD_OF_CODE[problem.code];
    if (field) {
      fieldError(field, problem.detail + ' (' + problem.code + ')');
    } else if (problem.code === 'INVALID_REQUEST' && problem.detail.startsWith('Invalid fields: ')) {
      for (const name of problem.detail.substring('Invalid fields: '.length).split(', ')) {
        const top = name.split('.')[0].replace(/\[.*$/, '');
        fieldError(document.querySelector('.field-error[data-for="' + top + '"]') ? top : 'form', 'Required or invalid (' + name + ')');
      }
    } else {
      fieldError('form', problem.detail + ' (' + problem.code + ')');
    }
  });
  document.getElementById('back').addEventListener('click', () => showOnly('fetch'));
});
