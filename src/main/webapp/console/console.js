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

// The lifecycle states as words on badges; the agency is the operator of the service, not a party to connect.
const STATE_NAMES = { REQUESTED: 'Requested', SENT: 'Agreement sent', SIGNED_BY_ONE_PARTY: 'Signed by one party', IN_FORCE: 'In force',
  TERMINATED: 'Terminated', OPERATOR: 'Operator' };
const INTERFACE_NAMES = { SYSTEM_TO_SYSTEM: 'System to system', WEB: 'Web' };

let organisations = [];
let openNumber = null;

function badge(state) {
  const b = element('span', STATE_NAMES[state] || state, 'badge ' + state.toLowerCase().replaceAll('_', '-'));
  b.dataset.state = state;
  return b;
}

function interfacesOf(o) {
  return [...((o.agreement && o.agreement.interfaces) || o.requestedInterfaces || [])];
}

function renderOrganisations() {
  const query = document.getElementById('organisation-search').value.trim().toLowerCase();
  const shown = organisations.filter(o => !query || [o.organisationNumber, o.name, o.kind, o.state, STATE_NAMES[o.state]]
    .some(v => String(v || '').toLowerCase().includes(query)));
  clear('organisations');
  const body = document.querySelector('#organisations tbody');
  for (const o of shown) {
    const tr = body.insertRow();
    tr.dataset.organisation = o.organisationNumber;
    tr.dataset.state = o.state;
    if (o.kind === 'AGENCY') tr.className = 'agency';
    const name = tr.insertCell();
    const open = element('button', o.name, 'link');
    open.type = 'button';
    open.setAttribute('aria-label', 'Open ' + o.name + ' (' + o.organisationNumber + ')');
    open.addEventListener('click', () => openOrganisation(o.organisationNumber));
    name.append(open, element('span', o.organisationNumber, 'organisation-number'));
    tr.insertCell().textContent = o.kind;
    tr.insertCell().appendChild(badge(o.state));
    tr.insertCell().textContent = interfacesOf(o).map(i => INTERFACE_NAMES[i] || i).join(', ');
    const count = (list, live) => { const c = tr.insertCell(); c.className = 'number'; c.textContent = (list || []).filter(live).length; };
    count(o.certificates, c => c.bound);
    count(o.webUsers, u => u.access === 'GRANTED');
    count(o.assignments, a => a.live);
  }
  document.getElementById('organisation-count').textContent = shown.length + ' of ' + organisations.length + ' shown';
}

async function loadOrganisations() {
  const all = await call('GET', '/organisations');
  // The operator first, then by name.
  organisations = all.sort((a, b) => (a.kind === 'AGENCY' ? -1 : b.kind === 'AGENCY' ? 1 : a.name.localeCompare(b.name, 'sv')));
  renderOrganisations();
  if (openNumber) await renderDetail(openNumber);
}

function table(headers, rows, emptyText) {
  if (rows.length === 0) return element('p', emptyText, 'hint');
  const t = element('table');
  const head = t.createTHead().insertRow();
  for (const h of headers) {
    const th = element('th', h);
    th.scope = 'col';
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const cells of rows) {
    const tr = body.insertRow();
    for (const cell of cells) {
      const td = tr.insertCell();
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? '' : String(cell);
    }
  }
  return t;
}

function facts(target, pairs) {
  target.replaceChildren();
  for (const [term, value] of pairs) {
    const dd = element('dd');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value === null || value === undefined || value === '' ? '—' : String(value);
    target.append(element('dt', term), dd);
  }
}

function chips(values) {
  const list = element('ul', null, 'chips');
  for (const v of values) list.appendChild(element('li', v));
  return list;
}

let fieldCounter = 0;

/** A labelled input for a step's form. */
function field(labelText, name, attributes = {}) {
  const id = 'step-field-' + (++fieldCounter);
  const label = element('label', labelText);
  label.htmlFor = id;
  const input = document.createElement(attributes.tag || 'input');
  input.id = id;
  input.name = name;
  for (const [k, v] of Object.entries(attributes)) if (k !== 'tag') input[k] = v;
  return [label, input];
}

/**
 * One lifecycle step in the organisation's context: its form holds only what the step needs beyond the
 * organisation, and the result is told in #message and shown in the view at once.
 */
function step(title, explanation, fields, buttonText, action, stepName) {
  const form = element('form', null, 'step');
  form.dataset.step = stepName;
  form.appendChild(element('h4', title));
  if (explanation) form.appendChild(element('p', explanation, 'hint'));
  for (const f of fields) form.append(...f);
  const button = element('button', buttonText);
  button.type = 'submit';
  form.appendChild(element('p')).appendChild(button);
  form.addEventListener('submit', event => {
    event.preventDefault();
    perform(() => action(form));
  });
  return form;
}

/**
 * Runs one step (which answers the organisation, or a sentence of its own), shows the organisation, the
 * lists and the action log as they now are, then tells the step's outcome: once told, what is on the
 * screen is its result.
 */
async function perform(action) {
  show('', true);
  let outcome;
  try {
    const result = await action();
    outcome = [typeof result === 'string' ? result : 'Done: ' + result.name + ' is ' + result.state, true];
  } catch (error) {
    outcome = ['Refused — ' + error.message, false];
  }
  await Promise.all([loadOrganisations(), loadActors(), loadActions()]).catch(() => {});
  show(...outcome);
}

function inlineAction(buttonText, label, action) {
  const box = element('span', null, 'inline-action');
  const [dateLabel, date] = field(label, 'from', { type: 'date', value: SwedishFormat.today() });
  dateLabel.className = 'visually-hidden';
  const button = element('button', buttonText, 'secondary');
  button.type = 'button';
  button.addEventListener('click', () => perform(() => action(date.value)));
  box.append(dateLabel, date, button);
  return box;
}

function path(o) {
  return '/organisations/' + encodeURIComponent(o.organisationNumber);
}

/** The steps the organisation's state allows, each in context: nothing about the organisation is typed again. */
function lifecycleSteps(o) {
  const steps = [];
  const today = SwedishFormat.today();
  const a = o.agreement;
  if (o.kind === 'AGENCY') {
    steps.push(element('p', 'The agency operates the service: it has no agreement to connect. Its certificates are the administrators\'.', 'hint'));
    return steps;
  }
  if (o.state === 'REQUESTED') {
    steps.push(step('Send the agreement', 'With the interfaces and purposes the request asked for: '
        + [...(o.requestedInterfaces || [])].join(', ') + '; ' + [...(o.requestedPurposes || [])].join(', ') + '.',
      [field('Information types (comma-separated)', 'informationTypes', { value: 'SJP,FP,SGI', required: true }),
        field('Periods over two years allowed', 'longPeriodsAllowed', { type: 'checkbox' }).reverse()],
      'Send agreement', f => call('POST', path(o) + '/agreement',
        { informationTypes: list(f.informationTypes.value), longPeriodsAllowed: f.longPeriodsAllowed.checked }), 'agreement'));
  }
  if (a && !a.terminatedFrom) {
    for (const [party, signedOn, who] of [['ORGANISATION', a.signedByOrganisationOn, o.name], ['AGENCY', a.signedByAgencyOn, 'the agency']]) {
      if (!signedOn) {
        steps.push(step('Signature by ' + who, 'The agreement was sent on ' + a.sentOn + '.',
          [field('Signed on', 'signedOn', { type: 'date', value: today, required: true })],
          'Record signature by ' + (party === 'AGENCY' ? 'the agency' : 'the organisation'),
          f => call('POST', path(o) + '/agreement/signatures', { party, signedOn: f.signedOn.value }), 'signature-' + party.toLowerCase()));
      }
    }
  }
  if (o.state !== 'TERMINATED') {
    steps.push(step('Bind a client certificate', 'The certificate must name this organisation and come from a trusted CA.',
      [field('Certificate (PEM)', 'certificate', { tag: 'textarea', rows: 4, required: true, placeholder: '-----BEGIN CERTIFICATE-----' })],
      'Bind certificate', f => call('POST', path(o) + '/certificates', { certificate: f.certificate.value }), 'certificate'));
    if (interfacesOf(o).includes('WEB')) {
      steps.push(step('Web user: access-rights decision (behörighetsbeslut)', null,
        [field('User\'s personnummer', 'personId', { required: true, autocomplete: 'off' }), field('User\'s name', 'name', { required: true }),
          field('Decided by (responsible manager)', 'decidedBy', { required: true }),
          field('Decided on', 'decidedOn', { type: 'date', value: today, required: true })],
        'Register decision', f => call('POST', path(o) + '/web-users', {
          personId: f.personId.value, name: f.name.value, decidedBy: f.decidedBy.value, decidedOn: f.decidedOn.value }), 'web-user'));
    }
    if (o.kind === 'AGENT') {
      const authorities = organisations.filter(p => p.kind === 'AUTHORITY');
      const [label, select] = field('Principal (authority)', 'principal', { tag: 'select', required: true });
      for (const p of authorities) select.appendChild(element('option', p.name + ' (' + p.organisationNumber + ')')).value = p.organisationNumber;
      steps.push(step('Assignment from a principal', null,
        [[label, select], field('From', 'from', { type: 'date', value: today, required: true })],
        'Start assignment', f => call('POST', path(o) + '/assignments', { principal: f.principal.value, from: f.from.value }), 'assignment'));
    }
  }
  if (a && !a.terminatedFrom) {
    // An actor (aktör) of LEFI Förmånsinformation v9 and SSBTEK: an agent's acts for one of its principals.
    const [purposeLabel, purpose] = field('Purpose', 'purpose', { tag: 'select', required: true });
    for (const p of [...a.purposes]) purpose.appendChild(element('option', p)).value = p;
    const fields = [field('Actor id (issued by the agency)', 'actorId', { required: true, maxLength: 64, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]*' }),
      [purposeLabel, purpose]];
    if (o.kind === 'AGENT') {
      const [principalLabel, principal] = field('Acts for (principal)', 'principal', { tag: 'select' });
      principal.appendChild(element('option', '(none)')).value = '';
      for (const assignment of (o.assignments || []).filter(x => x.live && x.agent === o.organisationNumber)) {
        const named = organisations.find(p => p.organisationNumber === assignment.principal);
        principal.appendChild(element('option', (named ? named.name + ' ' : '') + '(' + assignment.principal + ')')).value = assignment.principal;
      }
      fields.push([principalLabel, principal]);
    }
    steps.push(step('Register an actor', 'For questions over LEFI Förmånsinformation v9 and SSBTEK.', fields, 'Register actor', async f => {
      const actor = await call('POST', '/actors', { actorId: f.actorId.value.trim(), organisationNumber: o.organisationNumber,
        principal: f.principal && f.principal.value ? f.principal.value : null, purpose: f.purpose.value });
      return 'Actor ' + actor.actorId + ' registered: ' + actor.legalBasis;
    }, 'actor'));
  }
  if (a && !a.terminatedFrom && o.state !== 'REQUESTED') {
    steps.push(step('Terminate', 'The agreement ends from the date given; the organisation\'s name confirms which one.',
      [field('Organisation\'s name', 'name', { value: o.name, required: true }), field('From', 'from', { type: 'date', value: today, required: true })],
      'Terminate', f => call('POST', path(o) + '/termination', { name: f.name.value, from: f.from.value }), 'termination'));
  }
  if (steps.length === 0) steps.push(element('p', 'No lifecycle step is possible from this state.', 'hint'));
  return steps;
}

function agreementView(o) {
  const a = o.agreement;
  const box = document.createDocumentFragment();
  if (!a) {
    box.appendChild(element('p', o.kind === 'AGENCY' ? 'None: the agency operates the service.' : 'Not sent yet.', 'hint'));
    return box;
  }
  const list = element('dl', null, 'facts');
  facts(list, [['Sent', a.sentOn], ['Signed by the organisation', a.signedByOrganisationOn], ['Signed by the agency', a.signedByAgencyOn],
    ['Terminated from', a.terminatedFrom], ['Interfaces', [...a.interfaces].map(i => INTERFACE_NAMES[i] || i).join(', ')],
    ['Purposes', [...a.purposes].join(', ')], ['Periods over two years', a.longPeriodsAllowed ? 'allowed' : 'not allowed'],
    ['Information types', chips([...a.informationTypes])]]);
  box.appendChild(list);
  return box;
}

/** The lifecycle as the administrators' log tells it, oldest first. */
function timeline(o, actions) {
  const list = document.getElementById('detail-timeline');
  list.replaceChildren();
  const mine = actions.filter(a => a.target === o.organisationNumber).reverse();
  if (o.requestedOn && !mine.some(a => a.action === 'REGISTER_REQUEST')) {
    const item = element('li');
    item.append(element('time', o.requestedOn), element('span', 'Connection request (before the log)'));
    list.appendChild(item);
  }
  for (const a of mine) {
    const item = element('li', null, a.outcome === 'DONE' ? '' : 'refused');
    const time = element('time', SwedishFormat.dateTime(a.recordedAt));
    time.dateTime = a.recordedAt;
    const change = a.beforeState && a.afterState && a.beforeState !== a.afterState ? ': ' + a.beforeState + ' → ' + a.afterState : '';
    item.append(time, element('span', a.action.replaceAll('_', ' ').toLowerCase() + change
      + (a.outcome === 'DONE' ? '' : ' (refused: ' + a.outcome + ')') + (a.details ? ' — ' + a.details : '')));
    item.dataset.action = a.action;
    list.appendChild(item);
  }
  if (list.children.length === 0) list.appendChild(element('li', 'Nothing logged yet.'));
}

async function renderDetail(number) {
  const month = SwedishFormat.today().substring(0, 7);
  const [o, actions, actors, feeds, invoice] = await Promise.all([call('GET', '/organisations/' + encodeURIComponent(number)),
    call('GET', '/actions?max=1000'), call('GET', '/actors'), call('GET', '/feeds'),
    call('GET', '/invoices/' + month + '/' + encodeURIComponent(number)).catch(() => null)]);
  const section = document.getElementById('organisation-detail');
  section.dataset.organisation = o.organisationNumber;
  section.dataset.state = o.state;
  const title = document.getElementById('detail-title');
  title.replaceChildren(element('span', o.name + ' (' + o.organisationNumber + ') '), badge(o.state));
  facts(document.getElementById('detail-facts'), [['Kind', o.kind], ['Requested', o.requestedOn], ['Contact', o.contact],
    ['Requested interfaces', [...(o.requestedInterfaces || [])].map(i => INTERFACE_NAMES[i] || i).join(', ')],
    ['Requested purposes', [...(o.requestedPurposes || [])].join(', ')]]);
  document.getElementById('detail-steps').replaceChildren(...lifecycleSteps(o));
  document.getElementById('detail-agreement').replaceChildren(agreementView(o));
  timeline(o, actions);

  document.getElementById('detail-certificates').replaceChildren(table(['Fingerprint (SHA-256)', 'Subject', 'Valid until', 'Bound', 'State', ''],
    (o.certificates || []).map(c => [c.fingerprint.substring(0, 16) + '…', c.subject, SwedishFormat.date(c.notAfter), SwedishFormat.dateTime(c.boundAt),
      c.bound ? 'bound' : 'unbound ' + SwedishFormat.dateTime(c.unboundAt),
      c.bound ? unbindButton(o, c) : '']), 'No certificates.'));
  document.getElementById('detail-actors').replaceChildren(table(['Actor id', 'Role', 'Purpose', 'State'],
    actors.filter(a => a.organisationNumber === o.organisationNumber || a.principalNumber === o.organisationNumber)
      .map(a => [a.actorId, a.organisationNumber === o.organisationNumber ? (a.principalNumber ? 'acts for ' + a.principalName : 'own') : 'acted for by ' + a.organisationName,
        a.purpose, a.live ? 'live' : 'ended from ' + a.endedFrom]), 'No actors.'));
  document.getElementById('detail-web-users').replaceChildren(table(['#', 'Name', 'Personnummer', 'Decision', 'Access', ''],
    (o.webUsers || []).map(u => ['#' + u.id, u.name, u.personId, 'by ' + u.decidedBy + ' on ' + u.decidedOn
      + (u.deregisteredFrom ? '; deregistered from ' + u.deregisteredFrom : ''), u.access,
    u.deregisteredFrom ? '' : inlineAction('Deregister', 'Deregister ' + u.name + ' from',
      from => call('POST', path(o) + '/web-users/' + u.id + '/deregistration', { from }))]), 'No web users.'));
  document.getElementById('detail-assignments').replaceChildren(table(['Agent', 'Principal', 'From', 'State', ''],
    (o.assignments || []).map(a => [a.agent, a.principal, a.from, a.live ? 'live' : 'ceased from ' + a.ceasedFrom,
      a.live && a.agent === o.organisationNumber ? inlineAction('Cease', 'Assignment from ' + a.principal + ' ceases from',
        from => call('POST', path(o) + '/assignments/' + encodeURIComponent(a.principal) + '/cessation', { from })) : '']), 'No assignments.'));
  const feed = feeds.find(f => f.organisationNumber === o.organisationNumber);
  const feedBox = document.getElementById('detail-feed');
  if (feed) {
    const dl = element('dl', null, 'facts');
    facts(dl, [['Persons monitored', feed.personsMonitored], ['Notifications this month', feed.notificationsThisMonth],
      ['Last sequence', feed.lastSequence], ['Acknowledged', feed.acknowledged], ['Push endpoint', feed.pushUrl],
      ['Push failures', feed.pushFailures || 0]]);
    feedBox.replaceChildren(dl);
  } else {
    feedBox.replaceChildren(element('p', 'No subscriptions.', 'hint'));
  }
  const invoiceBox = document.getElementById('detail-invoices');
  if (invoice) {
    const link = element('a', 'CSV');
    link.href = API + '/invoices/' + month + '/' + encodeURIComponent(number) + '.csv';
    invoiceBox.replaceChildren(table(['Item', 'Quantity', 'Unit price', 'Amount'],
      invoice.lines.map(l => [l.description, l.quantity, SwedishFormat.kronor(l.unitPrice), SwedishFormat.kronor(l.amount)]), 'Nothing to invoice.'),
    element('p', 'This month (' + month + '): ' + SwedishFormat.kronor(invoice.total) + ' '), link);
  } else {
    invoiceBox.replaceChildren(element('p', 'No invoice this month.', 'hint'));
  }
  section.hidden = false;
}

function unbindButton(o, c) {
  const button = element('button', 'Unbind', 'secondary');
  button.type = 'button';
  button.setAttribute('aria-label', 'Unbind certificate ' + c.fingerprint.substring(0, 16));
  button.addEventListener('click', () => perform(() => call('DELETE', path(o) + '/certificates/' + c.fingerprint)));
  return button;
}

async function openOrganisation(number) {
  openNumber = number;
  try {
    await renderDetail(number);
    history.replaceState(null, '', '#organisation=' + encodeURIComponent(number));
    document.getElementById('organisation-detail').focus();
  } catch (error) {
    show(error.message, false);
  }
}

function closeOrganisation() {
  const number = openNumber;
  openNumber = null;
  document.getElementById('organisation-detail').hidden = true;
  history.replaceState(null, '', location.pathname);
  const opener = document.querySelector('#organisations tr[data-organisation="' + number + '"] button');
  if (opener) opener.focus();
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

// Charts (Chart.js, served from the WAR): the figures of the tables below, drawn. Each canvas is an
// image labelled by its caption; the tables stay as the text alternative.
const charts = {};
const PALETTE = ['#00594c', '#b54a00', '#2f5fa8', '#7a2d8c', '#5a6b00', '#a3001b'];

function drawChart(id, config) {
  if (typeof Chart === 'undefined') return;
  if (charts[id]) charts[id].destroy();
  config.options = Object.assign({ responsive: true, animation: false, maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom' } } }, config.options || {});
  const canvas = document.getElementById(id);
  charts[id] = new Chart(canvas, config);
  canvas.dataset.drawn = config.data.datasets.reduce((n, d) => n + d.data.filter(v => v !== null).length, 0);
}

/** Per day and interface: availability, and the p50 and p95 response times, from the SLA report's days. */
function drawServiceLevels(report) {
  const days = report.days.map(d => d.day);
  const names = [...new Set(report.days.flatMap(d => d.interfaces.map(i => i.interfaceName)))].sort();
  const series = (name, pick) => report.days.map(d => { const i = d.interfaces.find(x => x.interfaceName === name); return i ? pick(i) : null; });
  drawChart('availability-chart', { type: 'line', data: { labels: days, datasets: names.map((name, n) => ({
    label: name, data: series(name, i => i.availabilityPercent), borderColor: PALETTE[n % PALETTE.length], backgroundColor: PALETTE[n % PALETTE.length] })) },
  options: { scales: { y: { suggestedMin: 95, max: 100, title: { display: true, text: '%' } } } } });
  drawChart('latency-chart', { type: 'line', data: { labels: days, datasets: names.flatMap((name, n) => [
    { label: name + ' p50', data: series(name, i => i.p50Millis), borderColor: PALETTE[n % PALETTE.length], backgroundColor: PALETTE[n % PALETTE.length] },
    { label: name + ' p95', data: series(name, i => i.p95Millis), borderColor: PALETTE[n % PALETTE.length], backgroundColor: PALETTE[n % PALETTE.length],
      borderDash: [6, 4] }]) },
  options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } } } });
}

/** Questions per day, stacked by interface and outcome (granted, or refused whatever the code). */
async function drawVolumes(month) {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const volumes = await call('GET', '/request-volumes?from=' + month + '-01&to=' + month + '-' + String(last).padStart(2, '0'));
  const days = Array.from({ length: last }, (_, i) => month + '-' + String(i + 1).padStart(2, '0'));
  const series = new Map();
  for (const v of volumes) {
    const key = v.interfaceName + (v.outcome === 'GRANTED' ? ' granted' : ' refused');
    if (!series.has(key)) series.set(key, new Array(days.length).fill(0));
    series.get(key)[Number(v.day.substring(8)) - 1] += v.requests;
  }
  const keys = [...series.keys()].sort();
  drawChart('volumes-chart', { type: 'bar', data: { labels: days, datasets: keys.map((key, n) => ({
    label: key, data: series.get(key), backgroundColor: PALETTE[n % PALETTE.length], stack: key.endsWith('refused') ? 'refused' : 'granted' })) },
  options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'questions' } } } } });
}

/** The invoiced total of each of the last twelve months up to the month shown. */
async function drawInvoiceTotals(month) {
  const [year, m] = month.split('-').map(Number);
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, m - 12 + i, 1));
    return d.getUTCFullYear() + '-' + String(d.getUTCMonth() + 1).padStart(2, '0');
  });
  const totals = await Promise.all(months.map(mm => call('GET', '/invoices/' + mm).then(s => Number(s.total), () => null)));
  drawChart('invoice-totals-chart', { type: 'bar', data: { labels: months, datasets: [
    { label: 'Invoiced (SEK)', data: totals, backgroundColor: PALETTE[0] }] },
  options: { plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => SwedishFormat.kronor(c.raw) } } },
    scales: { y: { beginAtZero: true, ticks: { callback: v => SwedishFormat.number(v) } } } } });
}

async function drawCharts(month) {
  document.getElementById('pictures-month').textContent = '(' + month + ')';
  const report = await call('GET', '/sla/' + encodeURIComponent(month));
  drawServiceLevels(report);
  await Promise.all([drawVolumes(month), drawInvoiceTotals(month)]);
}

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

  const registerForm = document.getElementById('register-form');
  const newOrganisation = document.getElementById('new-organisation');
  newOrganisation.addEventListener('click', () => {
    registerForm.hidden = !registerForm.hidden;
    newOrganisation.setAttribute('aria-expanded', String(!registerForm.hidden));
    if (!registerForm.hidden) registerForm.organisationNumber.focus();
  });
  registerForm.addEventListener('submit', event => {
    event.preventDefault();
    const f = registerForm;
    perform(async () => {
      const organisation = await call('POST', '/organisations', {
        organisationNumber: f.organisationNumber.value.trim(), name: f.name.value, kind: f.kind.value,
        interfaces: [...f.querySelectorAll('input[name=interfaces]:checked')].map(i => i.value),
        purposes: list(f.purposes.value), contact: f.contact.value });
      openNumber = organisation.organisationNumber;
      return organisation;
    }).then(() => { if (openNumber) openOrganisation(openNumber); });
  });
  document.getElementById('organisation-search').addEventListener('input', renderOrganisations);
  document.getElementById('close-detail').addEventListener('click', closeOrganisation);
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
  slaForm.addEventListener('submit', () => drawCharts(slaForm.month.value.trim()).catch(() => {}));
  const opened = /^#organisation=(\d+)$/.exec(location.hash);
  Promise.all([loadOrganisations(), loadActors(), loadFeeds(), loadAudit({}), loadActions(), loadAlerts(), loadInvoices(invoicesForm.month.value),
    loadService(), loadSla(slaForm.month.value), drawCharts(slaForm.month.value)])
    .then(() => (opened ? openOrganisation(opened[1]) : null))
    .catch(error => show(error.message, false));
});
