// The RelationsTracker dashboard: plain JavaScript, no build step. It reads the same public routes as any
// client (docs/user-guide.md): the relations list, one relation's state, its timeline, its score chart
// (score.svg, drawn by the service) and the notifications stream. Data is always put in the page as text,
// never as HTML; the one exception is the chart, which is the service's own escaped SVG.
'use strict';

const DAY = 86400000;
const KINDS = ['development-recorded', 'development-retracted', 'development-corrected', 'report-added', 'phase-changed', 'phase-revised'];
const KEY_STORAGE = 'relations-tracker.read-key';

const $ = (id) => document.getElementById(id);

const view = {
  relation: null,     // canonical id, e.g. "LBY-EAST~TUR"
  asOf: null,         // "YYYY-MM-DD"; null: today
  knownAt: null,      // ISO instant; null: now
  halfLifeDays: 180,
  weighting: 'plain', // plain, corroborated, or both (corroborated read, plain drawn beside)
  key: sessionStorage.getItem(KEY_STORAGE) || null,
  development: null,  // the development shown in its own view, if one is
  actor: null,        // the actor whose relations the list shows, if one is
  compare: [],        // other relations drawn on the chart (score.svg?compare=)
  then: null,         // an earlier knownAt drawn beside (score.svg?alsoKnownAt=), ISO instant
  digest: null,       // a month (YYYY-MM) shown as a printable digest of the relation, or of the actor's relations
  find: {},           // the timeline's filters: q, type, actor, significance, from, to (api.md)
};
const typesSeen = new Set(); // the types of the relation shown, for the Find form's list
const actors = new Map();
let generation = 0;   // answers to an older request are dropped
let listTimer = null;
let relationTimer = null;

// ---- Dates ----

const today = () => new Date().toISOString().slice(0, 10);
const dayNumber = (iso) => Math.floor(Date.parse(iso + 'T00:00:00Z') / DAY);
const dateOfDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
// A date the API takes (year 1000 or later): a date being typed (0002-..., 0020-...) asks for nothing yet.
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || '') && Number(s.slice(0, 4)) >= 1000 && !Number.isNaN(Date.parse(s + 'T00:00:00Z'));

function showInstant(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
}

function signed(n) {
  const text = Number(n).toFixed(1);
  return n > 0 ? '+' + text : text;
}

// ---- The API ----

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

function headers(accept) {
  const h = { Accept: accept };
  if (view.key) h['X-Api-Key'] = view.key;
  return h;
}

async function get(path, accept = 'application/json') {
  const response = await fetch(path, { headers: headers(accept) });
  if (response.status === 401) {
    $('key-box').hidden = false;
    throw new ApiError(401, 'This tracker needs a key for reads: enter it above.');
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      message = problem.detail || problem.title || message;
      if (problem.errors) message += ' ' + Object.entries(problem.errors).map(([f, m]) => `${f}: ${m.join(' ')}`).join('; ');
    } catch { /* not a problem details body */ }
    throw new ApiError(response.status, message);
  }
  return accept === 'application/json' ? response.json() : response.text();
}

function pointOfView(extra = {}) {
  const q = new URLSearchParams();
  if (view.asOf) q.set('asOf', view.asOf);
  if (view.knownAt) q.set('knownAt', view.knownAt);
  if (view.halfLifeDays !== 180) q.set('halfLifeDays', String(view.halfLifeDays));
  if (view.weighting !== 'plain') q.set('weighting', 'corroborated');
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  const text = q.toString();
  return text ? '?' + text : '';
}

const relationPath = (relation) => '/api/relations/' + relation.split('~').map(encodeURIComponent).join('/');

// ---- Showing ----

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('data-') || k === 'dir' || k === 'title' || k === 'aria-current') node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function phaseBadge(phase, id) {
  const badge = el('span', { class: `phase phase-${phase}`, text: phase });
  if (id) badge.id = id;
  return badge;
}

const ARROWS = { warming: '↗', cooling: '↘', stable: '→' };

function showError(error) {
  const box = $('error');
  if (!error) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = error.message || String(error);
}

function actorName(id) { return actors.get(id) || id; }

function renderList(list) {
  if (!view.actor) relationList = list.relations;
  const ul = $('relations');
  ul.replaceChildren();
  $('relations-empty').hidden = list.relations.length > 0;
  for (const r of list.relations) {
    const button = el('button', { type: 'button', 'data-relation': r.relation, title: r.relation },
      el('span', { class: 'name', text: r.actors.map(actorName).join(' – ') }),
      el('span', { class: 'codes muted', text: r.actors.join(' ~ ') }),
      el('span', { class: 'numbers' },
        phaseBadge(r.phase),
        el('span', { class: 'score-small', text: signed(r.score) }),
        el('span', { class: 'direction-small', text: `${ARROWS[r.direction] || ''} ${r.direction}` })));
    if (r.relation === view.relation) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => select(r.relation));
    ul.append(el('li', {}, button));
  }
}

function renderState(s) {
  $('relation-title').textContent = `${s.actors.map(actorName).join(' – ')} (${s.relation})`;
  $('score').textContent = signed(s.score);
  const phase = $('phase');
  phase.textContent = s.phase;
  phase.className = `phase phase-${s.phase}`;
  $('direction').textContent = `${ARROWS[s.direction] || ''} ${s.direction}`;
  $('trend').textContent = `(${signed(s.trend)} in 90 days)`;
  $('development-count').textContent = String(s.developmentCount);
  $('last-contact').textContent = s.lastContact || '—';
  $('visits').textContent = String(s.visitsLast365Days);
  $('military').textContent = s.military.activitiesLast365Days
    + (s.military.lastActivity ? ` (latest ${s.military.lastActivity})` : '');
  $('agreements').replaceChildren(...(s.agreements.length ? s.agreements.map((a) => el('li', {},
    el('span', { class: `status status-${a.status}`, text: a.status }), ` ${a.title || a.id} `,
    el('span', { class: 'muted', text: `since ${a.since}` }))) : [el('li', { class: 'muted', text: 'none' })]));
  $('missions').replaceChildren(...(s.missions.length ? s.missions.map((m) => el('li', {},
    el('span', { class: `status status-${m.status}`, text: m.status }),
    ` ${m.owner} ${m.kind} in ${m.city} `, el('span', { class: 'muted', text: `since ${m.since}` }))) : [el('li', { class: 'muted', text: 'none' })]));
  $('contributors').replaceChildren(...(s.topContributors.length ? s.topContributors.map((c) => el('li', {},
    el('span', { class: c.contribution >= 0 ? 'warm' : 'cool', text: (c.contribution > 0 ? '+' : '') + c.contribution.toFixed(3) }),
    ` ${c.type} `, el('span', { class: 'muted', text: c.occurredOn }))) : [el('li', { class: 'muted', text: 'none' })]));

  $('shown-asof').textContent = s.asOf;
  $('shown-knownat').textContent = showInstant(s.knownAt) + (view.knownAt ? '' : ' (now)');
  $('shown-halflife').textContent = String(s.halfLifeDays);
}

function sourceNode(source) {
  const label = source.publisher || source.citation || source.url;
  let node;
  if (source.url && /^https?:\/\//i.test(source.url)) {
    node = el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', text: label });
    if (source.citation && source.publisher) node.title = source.citation;
  } else {
    // Left to right as a whole: citations mix an Arabic headline with its English translation and a file name.
    node = el('cite', { text: label });
  }
  const extra = [source.publishedOn, source.language].filter(Boolean).join(', ');
  return el('li', {}, node, extra ? el('span', { class: 'muted', text: ` (${extra})` }) : null);
}

// What GDELT reported beside the codes, for an imported development: each of its GDELT events' coverage and tone
// (not summed: the rows of one event count the same articles), and where it happened.
function gdeltNode(events) {
  if (!events || !events.length) return null;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const each = events.map((e) => `event ${e.globalEventId ?? '?'}: ${plural(e.numMentions, 'mention')}, ` +
    `${plural(e.numSources, 'source')}, ${plural(e.numArticles, 'article')}, tone ${e.avgTone.toFixed(2)}`);
  const places = [...new Set(events.map((e) => e.place).filter(Boolean))];
  return el('p', { class: 'gdelt muted', text: `GDELT ${each.join('; ')}` + (places.length ? ` · ${places.join('; ')}` : '') });
}

function renderTimeline(t, asOf) {
  const items = [...t.developments].reverse().map((d) => {
    const later = d.effectiveDate > asOf;
    const classes = ['development', d.status === 'retracted' ? 'retracted' : d.weight > 0 ? 'warm' : d.weight < 0 ? 'cool' : 'flat'];
    if (later) classes.push('later');
    const notes = [];
    if (d.status === 'retracted') notes.push(el('span', { class: 'tag', text: 'retracted' }));
    if (d.corrections.length) notes.push(el('span', { class: 'tag', text: `corrected ×${d.corrections.length}` }));
    if (later) notes.push(el('span', { class: 'tag', text: 'after asOf' }));
    const open = el('a', { href: `?${new URLSearchParams({ relation: view.relation, development: d.id })}`, text: d.occurredOn });
    open.addEventListener('click', (e) => { e.preventDefault(); openDevelopment(d.id); });
    return el('li', { class: classes.join(' '), 'data-id': d.id },
      el('div', { class: 'when' }, open),
      el('div', { class: 'what' },
        el('div', { class: 'line' },
          el('strong', { text: d.type }),
          el('span', { class: 'muted', text: ` CAMEO ${d.cameo} · ${d.actor} · ${d.significance} · weight ${signed(d.weight)}` }),
          el('span', { class: 'contribution', title: `contribution at ${asOf}`, text: (d.contribution > 0 ? '+' : '') + d.contribution.toFixed(3) }),
          ...notes),
        el('p', { class: 'summary', dir: 'auto', text: d.summary }),
        el('ul', { class: 'sources' }, ...d.sources.map(sourceNode)),
        gdeltNode(d.gdelt)));
  });
  $('timeline').replaceChildren(...(items.length ? items : [el('li', { class: 'muted', text: 'No development known at this knownAt.' })]));
}

function renderChart(svgText, url) {
  // The service's own SVG: every text in it is XML-escaped, and it holds no script.
  $('chart').innerHTML = svgText.replace(/^<\?xml[^>]*\?>\s*/, '');
  $('chart-link').href = url;
}

// The CSV routes at the point of view shown: the timeline page, and the score by day over the chart's span (by week
// or month when that is more than the API's 3,700 points).
function renderExports(path, q, timeline, to) {
  $('export-timeline').href = path + '/developments.csv' + q(view.find);
  const first = timeline.developments.length ? timeline.developments[0].effectiveDate : null;
  const from = first ? dateOfDay(Math.min(dayNumber(first) - 31, dayNumber(to))) : null;
  const days = from ? dayNumber(to) - dayNumber(from) : 365;
  const step = days >= 3700 * 7 ? 'month' : days >= 3700 ? 'week' : 'day';
  $('export-score').href = path + '/score.csv' + q({ from, to, step });
}

// The Find form's choices: the types this relation has shown, its two actors by name; what is found, counted.
function renderFind(relation, timeline) {
  for (const d of timeline.developments) typesSeen.add(d.type);
  const fill = (select, values, label) => {
    const chosen = select.value;
    select.replaceChildren(select.options[0], ...values.map((v) => el('option', { value: v, text: label(v) })));
    select.value = values.includes(chosen) ? chosen : '';
  };
  fill($('find-type'), [...typesSeen].sort(), (t) => t);
  fill($('find-actor'), relation.split('~'), (a) => actors.get(a) ? `${actors.get(a)} (${a})` : a);
  const filtered = Object.values(view.find).some(Boolean);
  $('find-count').textContent = filtered ? `${timeline.developments.length}${timeline.next ? '+' : ''} found` : '';
}

function readFind() {
  const from = $('find-from').value;
  const to = $('find-to').value;
  // A date being typed is not sent until it is one the API takes.
  if ((from && !isDate(from)) || (to && !isDate(to))) return;
  view.find = {
    q: $('find-text').value.trim(), type: $('find-type').value, actor: $('find-actor').value,
    significance: $('find-significance').value, from, to,
  };
  scheduleRefresh(250);
}

// ---- The monthly digest (?digest=YYYY-MM with a relation or an actor): a briefing to print ----

const lastMonth = () => { const d = new Date(); d.setUTCDate(0); return d.toISOString().slice(0, 7); };

function digestUrl(month, relation, actor) {
  const q = new URLSearchParams({ digest: month });
  if (relation) q.set('relation', relation);
  if (actor) q.set('actor', actor);
  if (view.knownAt) q.set('knownAt', view.knownAt);
  if (view.halfLifeDays !== 180) q.set('halfLifeDays', String(view.halfLifeDays));
  return `?${q}`;
}

async function loadDigests() {
  const relations = view.relation ? [view.relation]
    : (await get('/api/relations' + pointOfView({ actor: view.actor }))).relations.map((r) => r.relation);
  const q = new URLSearchParams({ month: view.digest });
  if (view.knownAt) q.set('knownAt', view.knownAt);
  if (view.halfLifeDays !== 180) q.set('halfLifeDays', String(view.halfLifeDays));
  const digests = await Promise.all(relations.map((r) => get(`${relationPath(r)}/digest?${q}`)));
  const month = new Date(view.digest + '-01T00:00:00Z').toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  $('digest-title').textContent = `${view.actor && !view.relation ? actorName(view.actor) : digests[0]?.actors.map(actorName).join(' – ') ?? ''}: ${month}`;
  $('digests').replaceChildren(...digests.map((d) => {
    const developments = d.developments.map((x) => el('li', {},
      el('strong', { text: `${x.occurredOn} ${x.type}` }), el('span', { text: ' — ' }), el('span', { dir: 'auto', text: x.summary }),
      el('ul', { class: 'sources' }, ...x.sources.map(sourceNode))));
    const top = d.topContributors.map((c) => el('li', { text: `${c.occurredOn} ${c.type}: ${(c.contribution > 0 ? '+' : '') + c.contribution.toFixed(3)}` }));
    return el('article', { class: `digest ${d.verdict}`, 'data-relation': d.relation },
      el('h3', { text: `${d.actors.map(actorName).join(' – ')} (${d.relation}): ${d.verdict}` }),
      el('p', { text: `${d.start.date}: ${signed(d.start.score)} ${d.start.phase} → ${d.end.date}: ${signed(d.end.score)} ${d.end.phase} (${signed(d.change)})` }),
      el('h4', { text: 'Developments' }),
      developments.length ? el('ol', {}, ...developments) : el('p', { class: 'muted', text: 'None this month.' }),
      el('h4', { text: 'Top contributors' }),
      top.length ? el('ol', {}, ...top) : el('p', { class: 'muted', text: 'None: nothing happened this month.' }));
  }));
}

// ---- Comparing: other relations on the chart, and what was known at an earlier instant ----

let relationList = [];

// What changed between the earlier instant and knownAt, each with what it did to the score at asOf.
async function loadRevisions(path, state) {
  if (!view.then || view.then >= state.knownAt) { $('revisions').hidden = true; return; }
  const q = new URLSearchParams({ since: view.then, until: state.knownAt, asOf: state.asOf, halfLifeDays: String(state.halfLifeDays), limit: '1000' });
  const answer = await get(`${path}/revisions?${q}`);
  $('revisions-heading').textContent = `What changed between ${showInstant(view.then)} and ${showInstant(state.knownAt)}`;
  $('revision-list').replaceChildren(...(answer.revisions.length ? answer.revisions.map((r) => {
    const score = `${signed(r.before.score)} ${r.before.phase} → ${signed(r.after.score)} ${r.after.phase} (${signed(r.change)})`;
    return el('li', { class: r.change > 0 ? 'warm' : r.change < 0 ? 'cool' : '' },
      el('span', { text: `${showInstant(r.recordedAt)}: ${r.kind} ${r.type} of ${r.occurredOn} — ` }),
      el('span', { dir: 'auto', text: r.summary }),
      r.reason ? el('q', { dir: 'auto', text: r.reason }) : null,
      el('span', { class: 'muted', text: ` · score at ${state.asOf}: ${score}` }));
  }) : [el('li', { class: 'muted', text: 'Nothing was recorded, corrected or retracted in between.' })]));
  if (answer.next) $('revision-list').append(el('li', { class: 'muted', text: 'More changes than are listed: narrow the span.' }));
  $('revisions').hidden = false;
}

function renderCompare(relation) {
  const others = relationList.filter((r) => r.relation !== relation);
  view.compare = view.compare.filter((c) => c !== relation);
  $('compare-list').replaceChildren(...others.map((r) => {
    const box = el('input', { type: 'checkbox', value: r.relation, checked: view.compare.includes(r.relation) });
    box.disabled = !box.checked && view.compare.length >= 4;
    box.addEventListener('change', () => {
      view.compare = box.checked ? [...view.compare, r.relation].slice(0, 4) : view.compare.filter((c) => c !== r.relation);
      scheduleRefresh(0);
    });
    return el('label', { class: 'compare-item' }, box, ` ${r.actors.map(actorName).join(' – ')}`);
  }));
  $('chart-options').querySelector('.compare').hidden = others.length === 0;
}



const catalogue = new Map(); // type → { cameo, description, weight, needs }

async function loadCatalogue() {
  try {
    for (const entry of await get('/api/catalogue')) catalogue.set(entry.type, entry);
  } catch { return; }
  const types = [...catalogue.values()].sort((a, b) => a.type.localeCompare(b.type));
  $('rec-type').replaceChildren(...types.map((t) =>
    el('option', { value: t.type, text: `${t.type} — CAMEO ${t.cameo} ${t.description} (${signed(t.weight)})` })));
  $('rec-type').value = 'Consultation';
  showTypeFields();
}

function showTypeFields() {
  const entry = catalogue.get($('rec-type').value);
  $('rec-agreement').hidden = entry?.needs !== 'agreement';
  $('rec-mission').hidden = entry?.needs !== 'mission';
  $('rec-type-about').textContent = entry ? `weight ${signed(entry.weight)}` : '';
}

function renderRecordForm(relation) {
  const options = () => relation.split('~').map((a) => el('option', { value: a, text: actors.get(a) ? `${actors.get(a)} (${a})` : a }));
  for (const id of ['rec-actor', 'rec-mission-owner']) {
    const chosen = $(id).value;
    $(id).replaceChildren(...options());
    if (relation.split('~').includes(chosen)) $(id).value = chosen;
  }
  showKeyRows();
  if (!$('rec-sources').children.length) addSource();
}

function addSource() {
  const source = $('source-template').content.firstElementChild.cloneNode(true);
  source.querySelector('[data-part="remove"]').addEventListener('click', () => {
    if ($('rec-sources').children.length > 1) source.remove();
  });
  $('rec-sources').append(source);
}

const PRECISION = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' };

function clearFieldErrors(form) {
  for (const e of form.querySelectorAll('.field-error')) e.remove();
  for (const e of form.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
  form.querySelector('[role="status"]').textContent = '';
}

// Each error of a problem details answer beside the field it names (sources[1].url in the form's second source);
// what names no field of the form is returned, to be said in its status line.
function showFieldErrors(form, errors) {
  const unplaced = [];
  const sources = form.querySelector('[data-sources]');
  for (const [field, messages] of Object.entries(errors)) {
    const source = /^sources\[(\d+)\](?:\.(\w+))?$/.exec(field);
    let input = form.querySelector(`[data-field="${field}"]`);
    if (!input && source && sources) {
      const box = sources.children[Number(source[1])];
      input = box && box.querySelector(`[data-part="${source[2] || 'url'}"]`);
    }
    const text = messages.join(' ');
    if (!input) { unplaced.push(`${field}: ${text}`); continue; }
    const note = el('span', { class: 'field-error', role: 'alert', text: `${field} ${text}` });
    note.id = `${form.id}-error-${field.replace(/[^\w]/g, '-')}`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', note.id);
    input.insertAdjacentElement('afterend', note);
  }
  return unplaced;
}

// A write from one of the page's forms: the key asked once (kept for the tab), an Idempotency-Key so a click sent
// twice writes once, the answer's field errors beside their fields. The answer's body when it is a success.
async function write(form, url, body, method = 'POST') {
  clearFieldErrors(form);
  const status = form.querySelector('[role="status"]');
  const keyInput = form.querySelector('[data-field="key"]');
  if (!view.key) {
    const key = keyInput ? keyInput.value.trim() : '';
    if (!key) { showFieldErrors(form, { key: ['is needed: the tracker takes writes only with a key'] }); return null; }
    view.key = key;
    sessionStorage.setItem(KEY_STORAGE, key);
  }
  const submit = form.querySelector('[type="submit"]');
  submit.disabled = true;
  try {
    const response = await fetch(url, {
      method,
      headers: { ...headers('application/json'), 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 401) {
      view.key = null;
      sessionStorage.removeItem(KEY_STORAGE);
      showKeyRows();
      showFieldErrors(form, { key: ['was refused: give a key the tracker knows'] });
      return null;
    }
    // The key was taken: it is not asked again in this tab.
    if (keyInput) keyInput.value = '';
    showKeyRows();
    if (response.ok) return answer;
    const unplaced = answer.errors ? showFieldErrors(form, answer.errors) : [];
    status.textContent = [answer.detail || `${response.status} ${response.statusText}`, ...unplaced].join(' ');
    return null;
  } catch (e) {
    status.textContent = String(e.message || e);
    return null;
  } finally {
    submit.disabled = false;
  }
}

function showKeyRows() {
  for (const row of document.querySelectorAll('.key-row')) row.hidden = !!view.key;
}

function recordBody() {
  const value = (id) => $(id).value.trim();
  const entry = catalogue.get(value('rec-type'));
  const body = { type: value('rec-type'), occurredOn: value('rec-occurred'), actor: value('rec-actor'), significance: value('rec-significance'), summary: value('rec-summary') };
  if (value('rec-cameo')) body.cameo = value('rec-cameo');
  if (entry?.needs === 'agreement') { body.agreement = value('rec-agreement-slug'); if (value('rec-title')) body.title = value('rec-title'); }
  if (entry?.needs === 'mission') body.mission = { owner: value('rec-mission-owner'), kind: value('rec-mission-kind'), city: value('rec-mission-city') };
  body.sources = [...$('rec-sources').children].map((box) => {
    const source = {};
    for (const part of ['url', 'citation', 'publisher', 'publishedOn', 'language']) {
      const v = box.querySelector(`[data-part="${part}"]`).value.trim();
      if (v) source[part] = v;
    }
    return source;
  });
  return body;
}

async function submitRecord(event) {
  event.preventDefault();
  const form = $('record-form');
  const occurred = $('rec-occurred').value.trim();
  const precision = $('rec-precision').value;
  const shapes = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
  if (!shapes[precision].test(occurred)) {
    clearFieldErrors(form);
    showFieldErrors(form, { occurredOn: [`must be a date of ${precision} precision: ${PRECISION[precision]}`] });
    return;
  }
  const answer = await write(form, relationPath(view.relation) + '/developments', recordBody());
  if (!answer) return;
  $('rec-result').textContent = `Recorded (${answer.id}).`;
  $('rec-summary').value = '';
  $('rec-cameo').value = '';
  await refresh();
}

// ---- A development's own view (?development=<id>): its history, and Retract and Correct ----

async function openDevelopment(id, push = true) {
  view.development = id;
  if (push) writeUrl(true);
  await loadDevelopment();
}

function closeDevelopment() {
  view.development = null;
  writeUrl(true);
  $('development-view').hidden = true;
}

async function loadDevelopment() {
  if (!view.development || !view.relation) { $('development-view').hidden = true; return; }
  let d;
  try {
    d = await get(`${relationPath(view.relation)}/developments/${encodeURIComponent(view.development)}${pointOfView()}`);
  } catch (e) {
    showError(e);
    return;
  }
  const facts = [
    ['Type', `${d.type} (CAMEO ${d.cameo}: ${d.cameoDescription}, weight ${signed(d.weight)})`],
    ['Occurred on', d.occurredOn], ['Actor', actors.get(d.actor) ? `${actors.get(d.actor)} (${d.actor})` : d.actor],
    ['Significance', d.significance], ['Status', d.status],
    [`Contribution at ${view.asOf || today()}`, (d.contribution > 0 ? '+' : '') + d.contribution.toFixed(3)],
    ['Recorded at', showInstant(d.recordedAt)],
  ];
  $('dev-title').textContent = `${d.type}, ${d.occurredOn}`;
  $('dev-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  $('dev-summary').textContent = d.summary;
  $('dev-sources').replaceChildren(...d.sources.map(sourceNode));
  // Its reports, each with its stance, source and quote in the source's own language (its direction from the text).
  $('dev-corroboration').textContent = `k ${d.k} · d ${d.d} · c ${d.c.toFixed(3)}`;
  $('dev-reports').replaceChildren(...(d.reports.length ? d.reports.map((r) => el('li', { class: `report ${r.stance}` },
    el('span', { class: 'tag', text: r.stance }), ' ', sourceNode(r.source).firstChild,
    el('span', { class: 'muted', text: ` (${[r.source.publishedOn, r.source.language, showInstant(r.recordedAt)].filter(Boolean).join(', ')})` }),
    r.quote ? el('blockquote', { dir: 'auto', lang: r.source.language || '', text: r.quote }) : null,
    r.translation ? el('p', { class: 'translation muted', dir: 'auto', text: r.translation }) : null))
    : [el('li', { class: 'muted', text: 'None.' })]));
  // Each correction with what it changed: the fields before it (as recorded, then as each correction left them) and after.
  let before = { ...d.asRecorded };
  $('dev-corrections').replaceChildren(...(d.corrections.length ? d.corrections.map((c) => {
    const changes = ['type', 'occurredOn', 'significance', 'summary', 'cameo'].filter((f) => c[f] != null)
      .map((f) => el('li', { dir: 'auto', text: `${f}: ${before[f] ?? '—'} → ${c[f]}` }));
    for (const f of ['type', 'occurredOn', 'significance', 'summary', 'cameo']) if (c[f] != null) before[f] = c[f];
    return el('li', {}, el('span', { text: `${showInstant(c.recordedAt)}: ` }), el('q', { dir: 'auto', text: c.reason }), el('ul', {}, ...changes));
  }) : [el('li', { class: 'muted', text: 'None.' })]));
  $('dev-retraction').replaceChildren(...(d.retraction
    ? [el('span', { text: `${showInstant(d.retraction.recordedAt)}: ` }), el('q', { dir: 'auto', text: d.retraction.reason }),
       el('ul', { class: 'sources' }, ...d.retraction.sources.map(sourceNode))]
    : [el('span', { class: 'muted', text: 'Not retracted.' })]));
  $('dev-gdelt').replaceChildren(...[gdeltNode(d.gdelt)].filter(Boolean));
  $('dev-link').href = `?${new URLSearchParams({ relation: view.relation, development: d.id })}`;
  $('retract-form').hidden = d.status === 'retracted';
  $('report-form').hidden = d.status === 'retracted';
  $('correct-form').hidden = d.status === 'retracted';
  $('cor-type').replaceChildren(el('option', { value: '', text: 'unchanged' }),
    ...[...catalogue.keys()].sort().map((t) => el('option', { value: t, text: t })));
  $('development-view').hidden = false;
  $('development-view').scrollIntoView?.({ block: 'nearest' });
}

async function submitRetraction(event) {
  event.preventDefault();
  const body = { reason: $('ret-reason').value.trim() };
  const url = $('ret-source').value.trim();
  if (url) body.sources = [/^https?:\/\//i.test(url) ? { url } : { citation: url }];
  const answer = await write($('retract-form'), `${relationPath(view.relation)}/developments/${view.development}/retraction`, body);
  if (!answer) return;
  $('retract-form').reset();
  $('ret-result').textContent = 'Retracted.';
  await Promise.all([refresh(), loadDevelopment()]);
}

async function submitReport(event) {
  event.preventDefault();
  const source = {};
  for (const [id, part] of [['rep-url', 'url'], ['rep-citation', 'citation'], ['rep-publisher', 'publisher'], ['rep-language', 'language']]) {
    const v = $(id).value.trim();
    if (v) source[part] = v;
  }
  const body = { stance: $('rep-stance').value, source };
  if ($('rep-quote').value.trim()) body.quote = $('rep-quote').value.trim();
  if ($('rep-translation').value.trim()) body.translation = $('rep-translation').value.trim();
  const answer = await write($('report-form'), `${relationPath(view.relation)}/developments/${view.development}/reports`, body);
  if (!answer) return;
  $('report-form').reset();
  $('rep-result').textContent = 'Report added.';
  await Promise.all([refresh(), loadDevelopment()]);
}

async function submitCorrection(event) {
  event.preventDefault();
  const body = { reason: $('cor-reason').value.trim() };
  for (const [id, field] of [['cor-type', 'type'], ['cor-occurred', 'occurredOn'], ['cor-significance', 'significance'], ['cor-summary', 'summary'], ['cor-cameo', 'cameo']]) {
    const v = $(id).value.trim();
    if (v) body[field] = v;
  }
  const answer = await write($('correct-form'), `${relationPath(view.relation)}/developments/${view.development}/correction`, body);
  if (!answer) return;
  $('correct-form').reset();
  $('cor-result').textContent = 'Corrected.';
  await Promise.all([refresh(), loadDevelopment()]);
}

// With a read key the links cannot carry it: fetch with it, and save what came.
async function download(event) {
  if (!view.key) return;
  event.preventDefault();
  const link = event.currentTarget;
  try {
    const text = await get(link.getAttribute('href'), 'text/csv');
    const save = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: link.href.split('/').pop().split('?')[0] });
    save.click();
    URL.revokeObjectURL(save.href);
  } catch (e) {
    showError(e);
  }
}

function updateSlider(timeline) {
  const slider = $('asof-slider');
  const first = timeline.developments.length ? timeline.developments[0].effectiveDate : null;
  const max = Math.max(dayNumber(today()), dayNumber(view.asOf || today()));
  const min = Math.min(first ? dayNumber(first) - 31 : max - 365, dayNumber(view.asOf || today()));
  slider.min = String(min);
  slider.max = String(max);
  slider.value = String(dayNumber(view.asOf || today()));
}

// ---- Loading ----

async function loadActors() {
  try {
    const list = await get('/api/actors');
    actors.clear();
    for (const a of list) actors.set(a.id, a.name);
    renderActors(list);
  } catch { /* names are a nicety; ids are shown instead */ }
}

// The actors, each a button to its view: the relation list narrowed to its relations.
function renderActors(list) {
  $('actors').replaceChildren(...list.map((a) => {
    const button = el('button', { type: 'button', 'data-actor': a.id, text: `${a.name} (${a.id})` });
    if (a.id === view.actor) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => showActor(a.id));
    return el('li', {}, button);
  }));
}

function showActor(id) {
  view.actor = id;
  writeUrl(true);
  for (const b of $('actors').querySelectorAll('button')) {
    if (b.dataset.actor === id) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
  }
  refresh({ relation: false });
}

async function submitActor(event) {
  event.preventDefault();
  const id = $('actor-id').value.trim();
  const body = { name: $('actor-name').value.trim() };
  if ($('actor-description').value.trim()) body.description = $('actor-description').value.trim();
  if (!id) { clearFieldErrors($('actor-form')); showFieldErrors($('actor-form'), { id: ['is required: three capital letters, then optionally - and up to 16 capitals or digits (TUR, LBY-EAST)'] }); return; }
  const answer = await write($('actor-form'), `/api/actors/${encodeURIComponent(id)}`, body, 'PUT');
  if (!answer) return;
  $('actor-result').textContent = `Saved ${answer.name} (${answer.id}).`;
  $('actor-form').reset();
  await loadActors();
  await refresh();
}

async function loadList() {
  const list = await get('/api/relations' + pointOfView({ actor: view.actor }));
  $('relations-heading').textContent = view.actor ? `Relations of ${actorName(view.actor)}` : 'Relations';
  $('relations-all').hidden = !view.actor;
  $('actor-digest-link').hidden = !view.actor;
  if (view.actor) $('actor-digest-link').href = digestUrl(lastMonth(), null, view.actor);
  renderList(list);
  if (!view.relation) {
    $('shown-asof').textContent = list.asOf;
    $('shown-knownat').textContent = showInstant(list.knownAt) + (view.knownAt ? '' : ' (now)');
    $('shown-halflife').textContent = String(list.halfLifeDays);
  }
}

async function loadRelation() {
  const mine = ++generation;
  const path = relationPath(view.relation);
  const state = await get(path + pointOfView());
  if (mine !== generation) return;
  // The timeline and the chart are read at the very knownAt the state was, so all three agree.
  const pinned = { asOf: state.asOf, knownAt: state.knownAt, halfLifeDays: String(state.halfLifeDays), weighting: state.weighting === 'plain' ? null : state.weighting };
  const q = (extra) => '?' + new URLSearchParams(Object.entries({ ...pinned, ...extra }).filter(([, v]) => v)).toString();
  const chartTo = state.asOf > today() ? state.asOf : today();
  const chartUrl = path + '/score.svg' + q({ to: chartTo, compare: view.compare.join(','), alsoKnownAt: view.then, alsoWeighting: view.weighting === 'both' ? 'plain' : null });
  const [timeline, svg] = await Promise.all([get(path + '/developments' + q(view.find)), get(chartUrl, 'image/svg+xml')]);
  if (mine !== generation) return;
  renderState(state);
  renderTimeline(timeline, state.asOf);
  renderChart(svg, chartUrl);
  renderExports(path, q, timeline, chartTo);
  if (!$('digest-month').value) $('digest-month').value = lastMonth();
  $('digest-link').href = digestUrl($('digest-month').value, state.relation, null);
  renderFind(state.relation, timeline);
  renderRecordForm(state.relation);
  renderCompare(state.relation);
  await loadRevisions(path, state);
  if (view.development) await loadDevelopment();
  updateSlider(timeline);
  $('relation').hidden = false;
  $('pick').hidden = true;
  document.title = `${state.relation} · ${state.phase} · RelationsTracker`;
  document.body.dataset.shownAsOf = state.asOf; // for the browser test: what is on screen now
}

async function refresh({ list = true, relation = true } = {}) {
  $('digest-page').hidden = !view.digest;
  $('layout').hidden = !!view.digest;
  document.querySelector('.point-of-view').hidden = !!view.digest;
  if (view.digest) {
    try { await loadDigests(); showError(null); } catch (error) { showError(error); }
    return;
  }
  try {
    const work = [];
    if (list) work.push(loadList());
    if (relation && view.relation) work.push(loadRelation());
    await Promise.all(work);
    showError(null);
  } catch (error) {
    showError(error);
  }
  $('pick').hidden = !!view.relation;
}

function scheduleRefresh(delay = 150) {
  clearTimeout(relationTimer);
  relationTimer = setTimeout(() => refresh(), delay);
}

// ---- The URL holds the view, so a view can be linked ----

function readUrl() {
  const q = new URLSearchParams(location.search);
  view.relation = q.get('relation') || null;
  view.asOf = isDate(q.get('asOf')) ? q.get('asOf') : null;
  view.knownAt = q.get('knownAt') || null;
  view.development = q.get('development') || null;
  view.actor = q.get('actor') || null;
  view.digest = /^\d{4}-(0[1-9]|1[0-2])$/.test(q.get('digest') || '') ? q.get('digest') : null;
  view.weighting = ['corroborated', 'both'].includes(q.get('weighting')) ? q.get('weighting') : 'plain';
  const h = Number.parseInt(q.get('halfLifeDays') || '', 10);
  view.halfLifeDays = h >= 1 && h <= 3650 ? h : 180;
}

function writeUrl(push) {
  const q = new URLSearchParams();
  if (view.relation) q.set('relation', view.relation);
  if (view.asOf) q.set('asOf', view.asOf);
  if (view.knownAt) q.set('knownAt', view.knownAt);
  if (view.halfLifeDays !== 180) q.set('halfLifeDays', String(view.halfLifeDays));
  if (view.weighting !== 'plain') q.set('weighting', view.weighting);
  if (view.development) q.set('development', view.development);
  if (view.actor) q.set('actor', view.actor);
  if (view.digest) q.set('digest', view.digest);
  const url = q.toString() ? '?' + q.toString() : location.pathname;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

function showControls() {
  $('asof').value = view.asOf || today();
  $('asof-slider').value = String(dayNumber(view.asOf || today()));
  const knownAt = view.knownAt ? new Date(view.knownAt) : null;
  // An instant the browser cannot read stays in the URL; the service's 400 then says what is wrong with it.
  $('knownat').value = knownAt && !Number.isNaN(knownAt.getTime()) ? knownAt.toISOString().slice(0, 19) : '';
  $('halflife').value = String(view.halfLifeDays);
  $('weighting').value = view.weighting;
}

function select(relation) {
  view.relation = relation;
  view.compare = [];
  view.development = null;
  $('development-view').hidden = true;
  view.find = {};
  typesSeen.clear();
  $('find').reset();
  writeUrl(true);
  for (const b of $('relations').querySelectorAll('button')) {
    if (b.dataset.relation === relation) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
  }
  refresh({ list: false });
}

function setAsOf(date, delay) {
  // A date being typed (0002-, 0020-) or one the API does not take is said beside the field and asks for nothing.
  $('asof-error').hidden = !date || isDate(date);
  if (!isDate(date)) return;
  view.asOf = date === today() ? null : date;
  $('asof').value = date;
  $('asof-slider').value = String(dayNumber(date));
  writeUrl(false);
  scheduleRefresh(delay);
}

// ---- Live updates (Server-Sent Events) ----

const live = { source: null, abort: null, last: null };

function setLive(state, text) {
  $('live').dataset.state = state;
  $('live-text').textContent = text;
}

function onNotification(kind, data) {
  let n;
  try { n = JSON.parse(data); } catch { return; }
  live.last = new Date();
  const time = live.last.toISOString().slice(11, 19);
  setLive('live', `live · last update ${time} UTC: ${kind} in ${n.relation}`);
  if (view.knownAt) return; // a pinned knownAt does not change with new writes
  clearTimeout(listTimer);
  listTimer = setTimeout(() => refresh({ list: true, relation: n.relation === view.relation }), 300);
}

function connectLive() {
  if (live.source) live.source.close();
  if (live.abort) live.abort.abort();
  live.source = null;
  live.abort = null;
  if (view.key) { streamWithKey(); return; }
  // EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed in between.
  const source = new EventSource('/api/notifications');
  live.source = source;
  source.onopen = () => setLive('live', live.last ? `live · last update ${live.last.toISOString().slice(11, 19)} UTC` : 'live · no update yet');
  source.onerror = () => setLive(source.readyState === EventSource.CLOSED ? 'off' : 'connecting',
    source.readyState === EventSource.CLOSED ? 'live updates off (reload to retry)' : 'reconnecting…');
  for (const kind of KINDS) source.addEventListener(kind, (e) => onNotification(kind, e.data));
}

// EventSource cannot send X-Api-Key; with a key, read the same stream through fetch.
async function streamWithKey() {
  const abort = new AbortController();
  live.abort = abort;
  let lastId = null;
  while (!abort.signal.aborted) {
    try {
      const h = headers('text/event-stream');
      if (lastId) h['Last-Event-ID'] = lastId;
      const response = await fetch('/api/notifications', { headers: h, signal: abort.signal });
      if (!response.ok) throw new Error(String(response.status));
      setLive('live', 'live · no update yet');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let kind = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id:')) lastId = line.slice(3).trim();
            else if (line.startsWith('event:')) kind = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length) onNotification(kind, data.join('\n'));
        }
      }
    } catch (error) {
      if (abort.signal.aborted) return;
    }
    setLive('connecting', 'reconnecting…');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

// ---- Wiring ----

function wire() {
  $('asof').addEventListener('change', (e) => setAsOf(e.target.value, 0));
  $('asof').addEventListener('input', (e) => setAsOf(e.target.value, 250));
  $('asof-slider').addEventListener('input', (e) => setAsOf(dateOfDay(Number(e.target.value)), 120));
  $('asof-today').addEventListener('click', () => setAsOf(today(), 0));
  $('knownat').addEventListener('change', (e) => {
    const v = e.target.value;
    view.knownAt = v ? (v.length === 16 ? v + ':00' : v) + 'Z' : null;
    writeUrl(false);
    scheduleRefresh(0);
  });
  $('weighting').addEventListener('change', (e) => {
    view.weighting = e.target.value;
    writeUrl(false);
    scheduleRefresh(0);
  });
  $('then').addEventListener('change', (e) => {
    const v = e.target.value;
    view.then = v ? (v.length === 16 ? v + ':00' : v) + 'Z' : null;
    scheduleRefresh(0);
  });
  $('then-clear').addEventListener('click', () => { $('then').value = ''; view.then = null; scheduleRefresh(0); });
  $('knownat-now').addEventListener('click', () => {
    view.knownAt = null;
    $('knownat').value = '';
    writeUrl(false);
    scheduleRefresh(0);
  });
  $('halflife').addEventListener('change', (e) => {
    const h = Number(e.target.value);
    const valid = Number.isInteger(h) && h >= 1 && h <= 3650;
    // Said beside the field, never silently ignored.
    $('halflife-error').hidden = valid;
    e.target.setAttribute('aria-invalid', String(!valid));
    if (!valid) return;
    view.halfLifeDays = h;
    writeUrl(false);
    scheduleRefresh(0);
  });
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  $('export-timeline').addEventListener('click', download);
  $('find').addEventListener('input', readFind);
  $('record-form').addEventListener('submit', submitRecord);
  $('retract-form').addEventListener('submit', submitRetraction);
  $('actor-form').addEventListener('submit', submitActor);
  $('relations-all').addEventListener('click', () => showActor(null));
  $('correct-form').addEventListener('submit', submitCorrection);
  $('report-form').addEventListener('submit', submitReport);
  $('dev-close').addEventListener('click', closeDevelopment);
  $('rec-type').addEventListener('change', showTypeFields);
  $('rec-add-source').addEventListener('click', addSource);
  $('rec-precision').addEventListener('change', () => { $('rec-occurred').placeholder = PRECISION[$('rec-precision').value]; });
  $('find').addEventListener('change', readFind);
  $('find').addEventListener('submit', (e) => e.preventDefault());
  $('find').addEventListener('reset', () => setTimeout(readFind, 0));
  $('export-score').addEventListener('click', download);
  $('print').addEventListener('click', () => window.print());
  $('digest-print').addEventListener('click', () => window.print());
  $('digest-month').addEventListener('change', () => {
    if (/^\d{4}-\d{2}$/.test($('digest-month').value)) $('digest-link').href = digestUrl($('digest-month').value, view.relation, null);
  });
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    view.key = $('key').value.trim() || null;
    if (view.key) sessionStorage.setItem(KEY_STORAGE, view.key); else sessionStorage.removeItem(KEY_STORAGE);
    start();
  });
  $('key-forget').addEventListener('click', () => {
    view.key = null;
    $('key').value = '';
    sessionStorage.removeItem(KEY_STORAGE);
    start();
  });
  window.addEventListener('popstate', () => { readUrl(); showControls(); refresh(); });
}

async function start() {
  $('key-box').hidden = !view.key;
  showControls();
  await Promise.all([loadActors(), loadCatalogue()]);
  await refresh();
  connectLive();
}

readUrl();
wire();
start();
