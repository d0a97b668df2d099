// The explorer page: wires the controls to the JSON API, the picture and the panels.
import { get } from './api.js';
import { show } from './dom.js';
import { createGraphView } from './graph-view.js';
import { chokepointModel, neighborhoodModel, pathsModel, traceModel } from './models.js';
import { entityName } from './names.js';
import * as panels from './panels.js';

const $ = (id) => document.getElementById(id);
const value = (id) => $(id).value.trim();
const asOf = () => value('as-of');
const list = (text) => text.split(',').map((t) => entityName(t)).filter(Boolean);

const view = createGraphView($('graph'), {
  onEdge: (data) => show($('evidence'), panels.evidence(data)),
  onNode: (data) => { if (!data.excluded) openEntity(data.id); },
});

const status = (text, isError = false) => {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
};

// Runs one question: clears the old error, shows the new one if the call fails.
const run = async (what, action) => {
  status(`${what}…`);
  try {
    await action();
  } catch (error) {
    status(`${what}: ${error.message}`, true);
  }
};

async function search(query) {
  await run('Searching', async () => {
    const response = await get('search', { query });
    show($('results'), panels.results(response, openEntity));
    status(`${response.results.length} result(s) for “${query}”`);
  });
}

async function openEntity(name) {
  await run('Opening', async () => {
    const [entity, relationships] = await Promise.all([get('entity', { name }), get('relationships', { name })]);
    const id = entity.name;
    show($('card'), panels.card(entity, relationships, [
      ['Neighbourhood', () => neighborhood(id)],
      ['Trace upstream', () => { fillTrace(id, 'UPSTREAM'); trace(); }],
      ['Trace downstream', () => { fillTrace(id, 'DOWNSTREAM'); trace(); }],
      ['Paths from here', () => { $('paths-source').value = id; }],
      ['Paths to here', () => { $('paths-target').value = id; }],
    ], (relationship) => show($('evidence'), panels.evidence({ relationship }))));
    status(`Opened ${entity.displayName}`);
  });
}

function fillTrace(root, direction) {
  $('trace-root').value = root;
  $('trace-direction').value = direction;
}

async function neighborhood(name) {
  await run('Neighbourhood', async () => {
    const response = await get('neighborhood', { name, depth: value('depth'), asOf: asOf() });
    view.draw(neighborhoodModel(response, name));
    show($('side'));
    status(`Neighbourhood of ${name}: ${response.entities.length} entities, ${response.relationships.length} relationships${response.truncated ? ' (truncated)' : ''}`);
  });
}

async function paths() {
  await run('Paths', async () => {
    const response = await get('paths', {
      source: entityName(value('paths-source')), target: entityName(value('paths-target')),
      direction: value('paths-direction'), mode: value('paths-mode'), asOf: asOf(),
    });
    view.draw(pathsModel(response));
    show($('side'), panels.pathsTable(response, openEntity));
    status(`${response.paths.length} path(s)`);
  });
}

const traceQuestion = () => ({
  root: entityName(value('trace-root')),
  direction: value('trace-direction'),
  commodity: entityName(value('trace-commodity')),
  asOf: asOf(),
});

async function trace() {
  await run('Trace', async () => {
    const exclude = list(value('trace-exclude'));
    const response = await get('trace', { ...traceQuestion(), exclude });
    view.draw(traceModel(response, exclude));
    show($('side'), panels.traceTable(response, openEntity));
    status(`${response.dependencies.length} dependencies of ${response.root.displayName}${exclude.length ? ` without ${exclude.join(', ')}, compared with the baseline` : ''}`);
  });
}

async function chokepoints() {
  await run('Chokepoints', async () => {
    const response = await get('chokepoints', traceQuestion());
    view.draw(chokepointModel(response));
    show($('side'), panels.chokepointTable(response, openEntity, (name) => {
      $('trace-exclude').value = name;
      trace();
    }));
    status(`${response.chokepoints.length} chokepoint(s) for ${response.root.displayName}`);
  });
}

$('search-form').addEventListener('submit', (e) => { e.preventDefault(); search(value('search')); });
$('trace-form').addEventListener('submit', (e) => { e.preventDefault(); trace(); });
$('chokepoints-run').addEventListener('click', () => chokepoints());
$('paths-form').addEventListener('submit', (e) => { e.preventDefault(); paths(); });

// For tests and the curious: the drawn graph as data, and the questions as functions.
window.explorer = {
  graph: () => view.model(),
  // Where an edge's midpoint is on the page, so a test clicks it as a person would.
  edgePoint: (id) => view.edgePoint(id),
  search, openEntity, neighborhood, trace, chokepoints, paths,
};
