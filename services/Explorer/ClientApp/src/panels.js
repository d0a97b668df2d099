// The panels beside the picture: search results, the entity card, a hop's evidence, ranked tables.
import { el, table } from './dom.js';
import { date, interval, number, propertyValue, validity } from './format.js';
import { label, shortId } from './names.js';

const entityLink = (ref, onOpen) => el('a', { href: '#', class: 'entity-link', 'data-name': ref.name, onclick: (e) => { e.preventDefault(); onOpen(ref.name); } }, label(ref));

const properties = (map) => {
  const entries = Object.entries(map || {});
  if (entries.length === 0) return el('p', { class: 'muted' }, 'none');
  return table(['property', 'value'], entries.map(([key, value]) => el('tr', {}, el('td', {}, key), el('td', {}, propertyValue(value)))), { class: 'properties' });
};

export const sources = (list) => el('ul', { class: 'sources' }, (list || []).map((source) =>
  el('li', { class: 'source' },
    source.quote ? el('blockquote', { class: 'quote' }, `“${source.quote}”`) : null,
    el('div', { class: 'muted' },
      source.document,
      source.reportedBy ? ` · according to ${source.reportedBy}` : '',
      typeof source.confidence === 'number' ? ` · confidence ${number(source.confidence)}` : ''))));

export function results(response, onOpen) {
  if (response.results.length === 0) return el('p', { class: 'muted' }, 'No entity matches.');
  return el('ol', { class: 'results' }, response.results.map((result) =>
    el('li', { class: 'result', 'data-name': result.entity.name },
      entityLink(result.entity, onOpen), ' ',
      el('span', { class: 'muted' }, `${result.entity.kind} · ${result.matchedField}: ${result.matchedText}`))));
}

export function card(entity, relationships, actions, onRelationship) {
  const externalIds = Object.entries(entity.externalIds || {});
  return el('article', { class: 'card', 'data-name': entity.name },
    el('h2', {}, entity.displayName, ' ', el('span', { class: 'kind' }, entity.kind)),
    el('div', { class: 'muted' }, entity.name),
    entity.description ? el('p', {}, entity.description) : null,
    entity.aliases?.length ? el('p', {}, 'Also known as: ', entity.aliases.join(', ')) : null,
    el('div', { class: 'actions' }, actions.map(([text, handler]) => el('button', { type: 'button', onclick: handler }, text))),
    el('h3', {}, 'Properties'), properties(entity.properties),
    el('h3', {}, 'External ids'),
    externalIds.length === 0 ? el('p', { class: 'muted' }, 'none')
      : table(['scheme', 'id'], externalIds.map(([scheme, id]) => el('tr', {}, el('td', {}, scheme), el('td', {}, id))), { class: 'external-ids' }),
    el('h3', {}, 'Sources'), sources(entity.sources),
    el('h3', {}, `Relationships (${relationships.relationships.length}${relationships.nextPageToken ? '+' : ''})`),
    el('ul', { class: 'relationships' }, relationships.relationships.map((r) =>
      el('li', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); onRelationship(r); } },
        `${shortId(r.source)} ${r.type} ${shortId(r.target)}`)))));
}

// What a clicked hop stands on: the relationship, its properties, validity and the sentences it was taken from.
export function evidence(data) {
  const r = data.relationship;
  return el('section', { class: 'evidence', 'data-relationship': r.name },
    el('h3', {}, `${shortId(r.source)} ${r.type} ${shortId(r.target)}`),
    el('div', { class: 'muted' }, r.name),
    data.weight !== undefined
      ? el('p', {}, `Weight on this route: ${data.weightUnknown ? 'not stated (taken as 1 for the upper bound)' : number(data.weight)}`
        + (data.exposureUpper !== undefined ? ` · exposure through this hop: ${interval(data.exposureLower, data.exposureUpper)}` : ''))
      : null,
    el('p', { class: 'validity' }, 'Valid: ', validity(r.validFrom, r.validTo)),
    el('h4', {}, 'Properties'), properties(r.properties),
    el('h4', {}, 'Sources'), sources(r.sources));
}

const bounds = (response) => (response.truncated ? el('p', { class: 'warning' }, `Truncated: stopped by ${response.boundsHit.join(', ')}.`) : null);

export function traceTable(response, onOpen) {
  const comparing = response.dependencies.some((d) => d.comparison);
  const headings = ['#', 'entity', 'exposure', 'depth', 'routes', ...(comparing ? ['baseline', 'change'] : [])];
  return el('div', {},
    el('p', { class: 'muted' }, `As of ${date(response.asOf)} · ${response.expandedRelationships} relationships expanded`),
    bounds(response),
    table(headings, response.dependencies.map((d, index) => el('tr', { 'data-name': d.entity.name },
      el('td', {}, index + 1),
      el('td', {}, entityLink(d.entity, onOpen)),
      el('td', { class: 'exposure', title: d.quantified ? 'every route quantified' : 'some weights unknown: lower–upper bound' }, interval(d.exposureLower, d.exposureUpper)),
      el('td', {}, d.minDepth),
      el('td', {}, d.routes.length),
      ...(comparing ? [
        el('td', {}, d.comparison ? interval(d.comparison.baselineLower, d.comparison.baselineUpper) : ''),
        el('td', { class: 'change' }, d.comparison ? interval(d.comparison.changeLower, d.comparison.changeUpper) : ''),
      ] : []))), { class: 'ranking trace-ranking' }),
    response.dependencies.length === 0 ? el('p', { class: 'muted' }, 'No dependencies found.') : null);
}

export function chokepointTable(response, onOpen, onWhatIf) {
  return el('div', {},
    el('p', {}, `${label(response.root)}: ${response.reached} reached, total exposure ${interval(response.totalExposureLower, response.totalExposureUpper)} (as of ${date(response.asOf)})`),
    bounds(response),
    table(['#', 'entity', 'exposure lost', 'reach lost', 'routes', ''], response.chokepoints.map((c, index) => el('tr', { 'data-name': c.entity.name },
      el('td', {}, index + 1),
      el('td', {}, entityLink(c.entity, onOpen)),
      el('td', { class: 'exposure' }, interval(c.exposureLostLower, c.exposureLostUpper)),
      el('td', {}, c.reachLost),
      el('td', {}, c.routeCount),
      el('td', {}, el('button', { type: 'button', class: 'what-if', onclick: () => onWhatIf(c.entity.name) }, 'What if without?')))), { class: 'ranking chokepoint-ranking' }),
    response.chokepoints.length === 0 ? el('p', { class: 'muted' }, 'No chokepoints found.') : null);
}

export function pathsTable(response, onOpen) {
  return el('div', {},
    el('p', { class: 'muted' }, `${response.paths.length} path(s) as of ${date(response.asOf)}`),
    bounds(response),
    el('ol', { class: 'paths' }, response.paths.map((path) => el('li', {},
      entityLink(path.start, onOpen),
      path.hops.map((hop) => [` ${hop.direction === 'INCOMING' ? '←' : '→'}${hop.relationship.type}${hop.direction === 'INCOMING' ? '← ' : '→ '}`, entityLink(hop.entity, onOpen)]),
      el('div', { class: 'muted' }, 'valid ', validity(path.validFrom, path.validTo))))),
    response.paths.length === 0 ? el('p', { class: 'muted' }, 'No path found.') : null);
}

