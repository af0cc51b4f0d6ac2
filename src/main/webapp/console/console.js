'use strict';
// The admin console: a page over the admin API. The browser presents the administrator's client
// certificate; data is written with textContent only, never as HTML.
const API = '../api/admin';

function show(text, ok) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.className = ok ? 'ok' : 'error';
}

async function call(method, path, body) {
  const response = await fetch(API + path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof data === 'object' ? data : {};
    throw new Error((problem.code || response.status) + ': ' + (problem.detail || response.statusText));
  }
  return data;
}

function list(text) {
  return text.split(',').map(s => s.trim()).filter(s => s.length > 0);
}

function row(table, cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    td.textContent = cell === null || cell === undefined ? '' : String(cell);
    tr.appendChild(td);
  }
  document.querySelector('#' + table + ' tbody').appendChild(tr);
  return tr;
}

function clear(table) {
  document.querySelector('#' + table + ' tbody').replaceChildren();
}

function agreementText(a) {
  if (!a) return '';
  const parts = ['sent ' + a.sentOn];
  if (a.signedByOrganisationOn) parts.push('signed by organisation ' + a.signedByOrganisationOn);
  if (a.signedByAgencyOn) parts.push('signed by agency ' + a.signedByAgencyOn);
  if (a.terminatedFrom) parts.push('terminated from ' + a.terminatedFrom);
  parts.push('types ' + (a.informationTypes || []).join(','));
  return parts.join('; ');
}

async function loadOrganisations() {
  const organisations = await call('GET', '/organisations');
  clear('organisations');
  for (const o of organisations) {
    const tr = row('organisations', [o.organisationNumber, o.name, o.kind, o.state, agreementText(o.agreement),
      (o.assignments || []).map(a => a.agent + ' for ' + a.principal + (a.live ? ' (live)' : ' (ceased ' + a.ceasedFrom + ')')).join('; '),
      (o.certificates || []).map(c => c.fingerprint.substring(0, 16) + '… ' + (c.bound ? 'bound' : 'unbound ' + c.unboundAt)).join('; '),
      (o.webUsers || []).map(u => '#' + u.id + ' ' + u.name + ' ' + u.personId + ' (decision by ' + u.decidedBy + ' ' + u.decidedOn
        + (u.deregisteredFrom ? '; deregistered from ' + u.deregisteredFrom : '') + '): ' + u.access).join('; ')]);
    tr.dataset.organisation = o.organisationNumber;
    tr.dataset.state = o.state;
  }
}

// Actors: each live one can be ended at once (the API also takes a later date).
async function loadActors() {
  const actors = await call('GET', '/actors');
  clear('actors');
  for (const a of actors) {
    const tr = row('actors', [a.actorId, a.organisationNumber + ' ' + a.organisationName,
      a.principalNumber ? a.principalNumber + ' ' + a.principalName : '', a.purpose, a.legalBasis, a.condition, a.registeredOn,
      a.live ? (a.endedFrom ? 'live, ends ' + a.endedFrom : 'live') : 'ended from ' + a.endedFrom, '']);
    tr.dataset.actor = a.actorId;
    tr.dataset.live = a.live;
    if (a.live) {
      const end = document.createElement('button');
      end.type = 'button';
      end.textContent = 'End now';
      end.addEventListener('click', async () => {
        try {
          const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
          await call('POST', '/actors/' + encodeURIComponent(a.actorId) + '/ending', { from: today });
          show('Actor ' + a.actorId + ' ended', true);
        } catch (error) {
          show('Refused — ' + error.message, false);
        }
        await Promise.all([loadActors(), loadActions()]);
      });
      tr.lastChild.appendChild(end);
    }
  }
}

async function loadAudit(filters) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  query.set('max', '200');
  const records = await call('GET', '/audit?' + query);
  clear('audit');
  for (const r of records) {
    row('audit', [r.recordedAt, r.interfaceName, r.operation, r.actorId, r.organisationNumber, r.principalOrganisationNumber, r.personId, r.purpose,
      r.outcome, r.typesReturned, r.typesWithheld]).dataset.outcome = r.outcome;
  }
  document.getElementById('audit-csv').href = API + '/audit/export.csv?' + query;
}

function organisationName(party) {
  return party ? (party.name || '') + ' (' + party.organisationNumber + ')' : '';
}

async function loadDisclosureReport(request) {
  const report = await call('POST', '/disclosure-reports', request);
  for (const table of ['disclosures', 'report-subscriptions', 'refusals']) {
    clear(table);
  }
  for (const d of report.disclosures) {
    row('disclosures', [d.at, organisationName(d.recipient) + (d.byNamedWebUser ? ', named web user' : ''), organisationName(d.principal),
      d.interfaceName, d.operation, d.purpose, d.legalBasis, d.consentReference || d.caseId, d.informationTypes.join(', ')]);
  }
  for (const s of report.subscriptions) {
    row('report-subscriptions', [organisationName(s.subscriber), organisationName(s.principal), s.orderedAt, s.from,
      s.endedOn ? s.endedOn + ' (' + s.endReason + ')' : '', s.purpose, s.informationTypes.join(', '), s.notifications]);
  }
  for (const r of report.refusals) {
    row('refusals', [r.at, organisationName(r.caller), r.interfaceName, r.operation, r.purpose, r.refusalCode]);
  }
  document.getElementById('disclosure-count').textContent = '(' + report.disclosures.length + ')';
  document.getElementById('report-subscription-count').textContent = '(' + report.subscriptions.length + ')';
  document.getElementById('refusal-count').textContent = '(' + report.refusals.length + ')';
}

/** The letter is fetched like any call (the browser presents the certificate) and offered as a download. */
async function downloadDisclosureLetter(request) {
  const response = await fetch(API + '/disclosure-reports/letter', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/pdf' }, body: JSON.stringify(request),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error((problem.code || response.status) + ': ' + (problem.detail || response.statusText));
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'registerutdrag-' + request.from + '-' + request.to + '.pdf';
  link.click();
  URL.revokeObjectURL(link.href);
}

async function loadAlerts() {
  const alerts = await call('GET', '/alerts?max=100');
  clear('alerts');
  for (const a of alerts) {
    row('alerts', [a.raisedAt, a.rule, a.subjectKind + ' ' + a.subject, a.organisationNumber, a.windowStart + ' – ' + a.windowEnd,
      a.observed, a.threshold]).dataset.rule = a.rule;
  }
}

async function loadFeeds() {
  const [feeds, backlog] = await Promise.all([call('GET', '/feeds'), call('GET', '/subscriptions/backlog')]);
  document.getElementById('backlog').textContent = 'register change ' + backlog.lastChange + ', notified up to ' + backlog.lastDispatched;
  clear('feeds');
  for (const f of feeds) {
    const tr = row('feeds', [f.organisationNumber, f.personsMonitored, f.notificationsThisMonth, f.lastSequence, f.acknowledged,
      f.pushUrl, f.pushUrl ? f.pushed : '', f.pushFailures || '', f.pushLastError ? f.pushLastError + ' (' + f.pushLastErrorAt + ')' : '',
      f.pushNextAttempt]);
    tr.dataset.organisation = f.organisationNumber;
    tr.dataset.failing = f.pushFailures > 0;
  }
}

// Invoices: one row per organisation with its quantities and total, each linking to its invoice as CSV.
async function loadInvoices(month) {
  const base = '/invoices/' + encodeURIComponent(month);
  const summary = await call('GET', base);
  clear('invoices');
  for (const o of summary.organisations) {
    const tr = row('invoices', [o.organisationNumber, o.name, o.kind, o.fixedFee, o.questions, o.refusedQuestions,
      o.monitoredPersons, o.notifications, o.total, '']);
    const link = document.createElement('a');
    link.href = API + base + '/' + encodeURIComponent(o.organisationNumber) + '.csv';
    link.textContent = 'CSV';
    tr.lastChild.appendChild(link);
    tr.dataset.organisation = o.organisationNumber;
  }
  document.getElementById('invoices-total').textContent = summary.total + ' ' + summary.currency;
  document.getElementById('invoices-price-list').textContent = 'price list valid from ' + summary.priceListValidFrom;
  document.getElementById('invoices-csv').href = API + base + '/export.csv';
}

// Service levels: open or closed now and why, the maintenance windows (those planned here can be
// removed; configured ones live in config/), and the month's SLA report.
async function loadService() {
  const status = await call('GET', '/service-windows');
  const line = document.getElementById('service-status');
  line.textContent = status.open ? 'open (' + status.openingHours + ')' : 'closed: ' + status.reason;
  line.dataset.open = status.open;
  clear('maintenance');
  for (const w of status.maintenance) {
    const tr = row('maintenance', [w.start, w.end, w.reason, '']);
    if (w.id != null) {
      tr.dataset.window = w.id;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.addEventListener('click', async () => {
        try {
          await call('DELETE', '/service-windows/' + w.id);
          show('Maintenance window removed', true);
        } catch (error) {
          show('Refused — ' + error.message, false);
        }
        await Promise.all([loadService(), loadActions()]);
      });
      tr.lastChild.appendChild(remove);
    }
  }
}

async function loadSla(month) {
  const base = '/sla/' + encodeURIComponent(month);
  const report = await call('GET', base);
  clear('sla');
  for (const i of report.interfaces) {
    row('sla', [i.interfaceName, i.requests, i.failures, i.availabilityPercent, i.p50Millis, i.p95Millis, i.p99Millis])
      .dataset.interface = i.interfaceName;
  }
  document.getElementById('sla-availability').textContent = 'available ' + report.availabilityPercent + ' % of '
    + report.serviceMinutes + ' service minutes';
  document.getElementById('sla-csv').href = API + base + '/report.csv';
}

async function loadActions() {
  const actions = await call('GET', '/actions?max=100');
  clear('actions');
  for (const a of actions) {
    row('actions', [a.recordedAt, a.action, a.target, a.beforeState, a.afterState, a.outcome, a.details]);
  }
}

function organisationPath(form) {
  return '/organisations/' + encodeURIComponent(form.organisationNumber.value.trim());
}

const operations = {
  register: f => call('POST', '/organisations', {
    organisationNumber: f.organisationNumber.value, name: f.name.value, kind: f.kind.value,
    interfaces: [...f.querySelectorAll('input[name=interfaces]:checked')].map(i => i.value),
    purposes: list(f.purposes.value), contact: f.contact.value }),
  agreement: f => call('POST', '/organisations/' + encodeURIComponent(f.organisationNumber.value) + '/agreement', {
    informationTypes: list(f.informationTypes.value), longPeriodsAllowed: f.longPeriodsAllowed.checked }),
  signature: f => call('POST', '/organisations/' + encodeURIComponent(f.organisationNumber.value) + '/agreement/signatures', {
    party: f.party.value, signedOn: f.signedOn.value }),
  assignment: f => call('POST', '/organisations/' + encodeURIComponent(f.organisationNumber.value) + '/assignments', {
    principal: f.principal.value, from: f.from.value }),
  cessation: f => call('POST', '/organisations/' + encodeURIComponent(f.organisationNumber.value) + '/assignments/'
    + encodeURIComponent(f.principal.value) + '/cessation', { from: f.from.value }),
  certificate: f => call('POST', organisationPath(f) + '/certificates', { certificate: f.certificate.value }),
  unbinding: f => call('DELETE', organisationPath(f) + '/certificates/' + encodeURIComponent(f.fingerprint.value.trim())),
  webUser: f => call('POST', organisationPath(f) + '/web-users', {
    personId: f.personId.value, name: f.name.value, decidedBy: f.decidedBy.value, decidedOn: f.decidedOn.value }),
  deregistration: f => call('POST', organisationPath(f) + '/web-users/' + encodeURIComponent(f.user.value.trim().replace(/^#/, '')) + '/deregistration',
    { from: f.from.value }),
  termination: f => call('POST', '/organisations/' + encodeURIComponent(f.organisationNumber.value) + '/termination', {
    name: f.name.value, from: f.from.value }),
};

// A month picker (this month to start with) whose submit loads a monthly report, or clears it when refused.
function monthForm(id, today, load, loaded, onRefused) {
  const form = document.getElementById(id);
  form.month.value = today.substring(0, 7);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await load(form.month.value.trim());
      show(loaded, true);
    } catch (error) {
      onRefused();
      show('Refused — ' + error.message, false);
    }
  });
  return form;
}

function isoInstant(localValue) {
  return localValue ? new Date(localValue).toISOString() : '';
}

document.addEventListener('DOMContentLoaded', () => {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  document.querySelectorAll('input[type=date]').forEach(input => { input.value = today; });

  for (const form of document.querySelectorAll('#operations form')) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const organisation = await operations[form.dataset.action](form);
        show('Done: ' + organisation.name + ' is ' + organisation.state, true);
        await Promise.all([loadOrganisations(), loadActions()]);
      } catch (error) {
        show('Refused — ' + error.message, false);
        await loadActions();
      }
    });
  }
  document.getElementById('actor-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target;
    try {
      const actor = await call('POST', '/actors', { actorId: f.actorId.value.trim(), organisationNumber: f.organisationNumber.value.trim(),
        principal: f.principal.value.trim() || null, purpose: f.purpose.value });
      show('Actor ' + actor.actorId + ' registered: ' + actor.legalBasis, true);
    } catch (error) {
      show('Refused — ' + error.message, false);
    }
    await Promise.all([loadActors(), loadActions()]);
  });
  document.getElementById('audit-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target;
    try {
      await loadAudit({ organisation: f.organisation.value, person: f.person.value, outcome: f.outcome.value,
        from: isoInstant(f.from.value), to: isoInstant(f.to.value) });
      show('Audit log loaded', true);
    } catch (error) {
      show('Refused — ' + error.message, false);
    }
  });
  const reportForm = document.getElementById('disclosure-report-form');
  const reportRequest = () => ({ personId: reportForm.personId.value.trim(), from: reportForm.from.value, to: reportForm.to.value });
  reportForm.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await loadDisclosureReport(reportRequest());
      show('Disclosure report loaded', true);
    } catch (error) {
      show('Refused — ' + error.message, false);
    }
    await loadActions();
  });
  document.getElementById('disclosure-letter').addEventListener('click', async () => {
    if (!reportForm.reportValidity()) {
      return;
    }
    try {
      await downloadDisclosureLetter(reportRequest());
      show('Letter downloaded', true);
    } catch (error) {
      show('Refused — ' + error.message, false);
    }
    await loadActions();
  });
  const invoicesForm = monthForm('invoices-form', today, loadInvoices, 'Invoices loaded', () => {
    clear('invoices');
    document.getElementById('invoices-total').textContent = '';
  });
  document.getElementById('maintenance-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target;
    try {
      await call('POST', '/service-windows', { from: isoInstant(f.from.value), to: isoInstant(f.to.value), reason: f.reason.value });
      show('Maintenance planned', true);
    } catch (error) {
      show('Refused — ' + error.message, false);
    }
    await Promise.all([loadService(), loadActions()]);
  });
  const slaForm = monthForm('sla-form', today, loadSla, 'SLA report loaded', () => clear('sla'));
  document.getElementById('refresh-alerts').addEventListener('click', () => loadAlerts().catch(e => show(e.message, false)));
  document.getElementById('refresh').addEventListener('click',
    () => Promise.all([loadOrganisations(), loadFeeds()]).catch(e => show(e.message, false)));
  Promise.all([loadOrganisations(), loadActors(), loadFeeds(), loadAudit({}), loadActions(), loadAlerts(), loadInvoices(invoicesForm.month.value),
    loadService(), loadSla(slaForm.month.value)]).catch(error => show(error.message, false));
});
