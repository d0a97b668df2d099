// The picture: one Cytoscape.js instance drawing a model from models.js, with a layered (dagre)
// layout for paths, traces and chokepoints, and a breadth-first one around a neighbourhood's centre.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { interval, signed } from './format.js';

cytoscape.use(dagre);

const caption = (data) => {
  const lines = [data.label];
  if (data.rank) lines.push(`#${data.rank} · loses ${interval(data.exposureLostLower, data.exposureLostUpper)}`);
  else if (data.excluded) lines.push('excluded');
  else if (data.exposureUpper !== undefined) {
    lines.push(interval(data.exposureLower, data.exposureUpper));
    if (data.comparison) lines.push(`change ${signed(data.comparison.changeLower)}`);
  }
  return lines.join('\n');
};

const style = [
  {
    selector: 'node',
    style: {
      label: (node) => caption(node.data()),
      'text-wrap': 'wrap',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'font-size': 11,
      'background-color': '#5b7db1',
      width: 22,
      height: 22,
    },
  },
  { selector: 'node[role = "root"], node[role = "centre"], node[role = "start"]', style: { 'background-color': '#1d3557', width: 30, height: 30 } },
  { selector: 'node[role = "end"]', style: { 'background-color': '#2a9d8f' } },
  { selector: 'node[kind = "Country"]', style: { shape: 'round-rectangle' } },
  { selector: 'node[kind = "Commodity"]', style: { shape: 'diamond' } },
  { selector: 'node[?rank]', style: { 'background-color': '#e76f51' } },
  { selector: 'node[?lost]', style: { 'background-color': '#ffffff', 'border-width': 2, 'border-style': 'dashed', 'border-color': '#e63946' } },
  { selector: 'node[?excluded]', style: { 'background-color': '#e63946', shape: 'octagon', opacity: 0.6 } },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'font-size': 10,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'curve-style': 'bezier',
      width: 2,
      'line-color': '#8d99ae',
      'target-arrow-color': '#8d99ae',
      'source-arrow-color': '#8d99ae',
      'target-arrow-shape': 'triangle',
    },
  },
  // A hop walked against the relationship: the arrow keeps the relationship's own direction.
  { selector: 'edge[?against]', style: { 'target-arrow-shape': 'none', 'source-arrow-shape': 'triangle' } },
  { selector: 'edge[?weightUnknown]', style: { 'line-style': 'dashed' } },
  { selector: ':selected', style: { 'line-color': '#e76f51', 'target-arrow-color': '#e76f51', 'source-arrow-color': '#e76f51', 'border-width': 3, 'border-color': '#e76f51' } },
];

export function createGraphView(container, { onEdge, onNode }) {
  const cy = cytoscape({ container, style, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
  let model = { view: 'empty', nodes: [], edges: [] };

  cy.on('tap', 'edge', (event) => onEdge(event.target.data()));
  cy.on('tap', 'node', (event) => onNode(event.target.data()));

  const layoutFor = (drawn) => drawn.view === 'neighborhood'
    ? { name: 'breadthfirst', roots: cy.getElementById(drawn.centre), directed: false, spacingFactor: 1.1, animate: false }
    : { name: 'dagre', rankDir: 'LR', nodeSep: 40, rankSep: 140, edgeSep: 20, animate: false };

  return {
    draw(next) {
      model = next;
      cy.elements().remove();
      cy.add([
        ...next.nodes.map((node) => ({ group: 'nodes', data: node.data })),
        ...next.edges.map((edge) => ({ group: 'edges', data: edge.data })),
      ]);
      cy.layout(layoutFor(next)).run();
      cy.fit(undefined, 40);
    },
    // The drawn model, as tests and curious users read it (window.explorer.graph()).
    model() {
      const plain = (data) => JSON.parse(JSON.stringify(data));
      return {
        view: model.view,
        nodes: model.nodes.map((node) => ({ id: node.id, data: plain(node.data) })),
        edges: model.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, data: plain(edge.data) })),
      };
    },
    // The page coordinates of an edge's midpoint.
    edgePoint(id) {
      const edge = cy.getElementById(id);
      if (edge.empty()) return null;
      const box = container.getBoundingClientRect();
      const point = edge.renderedMidpoint();
      return { x: box.left + point.x, y: box.top + point.y };
    },
  };
}
