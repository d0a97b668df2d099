// The drawn graph as data: { view, nodes: [{ id, data }], edges: [{ id, source, target, data }] }.
// Edges follow the walk (from the entity a hop leaves to the entity it reaches), so a layered layout
// reads from the start outwards; data.relationshipSource/Target keep the relationship's own direction.
import { label } from './names.js';
import { interval } from './format.js';

const capped = (value) => Math.min(1, value);

class ModelBuilder {
  constructor(view) {
    this.view = view;
    this.nodes = new Map();
    this.edges = new Map();
  }

  node(ref, data = {}) {
    const existing = this.nodes.get(ref.name);
    if (existing) {
      Object.assign(existing.data, data);
      return existing;
    }
    const node = { id: ref.name, data: { id: ref.name, label: label(ref), kind: ref.kind || '', ...data } };
    this.nodes.set(ref.name, node);
    return node;
  }

  edge(relationship, from, to, data = {}) {
    const existing = this.edges.get(relationship.name);
    if (existing) return existing;
    const edge = {
      id: relationship.name,
      source: from,
      target: to,
      data: {
        id: relationship.name,
        source: from,
        target: to,
        type: relationship.type,
        relationshipSource: relationship.source,
        relationshipTarget: relationship.target,
        against: relationship.source !== from,
        relationship,
        ...data,
      },
    };
    this.edges.set(relationship.name, edge);
    return edge;
  }

  // Walks a path's hops, drawing each hop once; returns the edges it walked.
  walk(path, hopData = () => ({})) {
    let from = path.start.name;
    this.node(path.start);
    return path.hops.map((hop, index) => {
      this.node(hop.entity);
      const edge = this.edge(hop.relationship, from, hop.entity.name, hopData(hop, index));
      from = hop.entity.name;
      return edge;
    });
  }

  build(extra = {}) {
    return { view: this.view, nodes: [...this.nodes.values()], edges: [...this.edges.values()], ...extra };
  }
}

export function neighborhoodModel(response, centre) {
  const builder = new ModelBuilder('neighborhood');
  for (const { entity, distance } of response.entities) builder.node(entity, { distance, role: entity.name === centre ? 'centre' : '' });
  for (const relationship of response.relationships) {
    builder.edge(relationship, relationship.source, relationship.target, { label: relationship.type });
  }
  return builder.build({ centre });
}

export function pathsModel(response) {
  const builder = new ModelBuilder('paths');
  response.paths.forEach((path, index) => {
    for (const edge of builder.walk(path, (hop) => ({ label: hop.relationship.type }))) {
      edge.data.paths = [...(edge.data.paths || []), index];
    }
  });
  const first = response.paths[0];
  if (first) {
    builder.node(first.start, { role: 'start' });
    builder.node(first.hops[first.hops.length - 1].entity, { role: 'end' });
  }
  return builder.build();
}

// A dependency trace: every route's hops, each edge labelled with the exposure that reaches its far
// end through it (the routes ending with that hop: quantified contributions for the lower bound,
// unknown weights taken as 1 for the upper, each capped at 1), each dependency with its exposure.
export function traceModel(response, excluded = []) {
  const builder = new ModelBuilder('trace');
  builder.node(response.root, { role: 'root' });
  const sums = new Map();
  for (const dependency of response.dependencies) {
    builder.node(dependency.entity, {
      exposureLower: dependency.exposureLower,
      exposureUpper: dependency.exposureUpper,
      quantified: dependency.quantified,
      minDepth: dependency.minDepth,
      comparison: dependency.comparison || null,
      lost: dependency.routes.length === 0,
    });
    for (const route of dependency.routes) {
      const edges = builder.walk(route.path, (hop) => ({ weight: hop.weight, weightUnknown: hop.weightUnknown }));
      const last = edges[edges.length - 1];
      const sum = sums.get(last.id) || { lower: 0, upper: 0 };
      sum.lower += route.quantified ? route.contribution : 0;
      sum.upper += route.contributionUpper;
      sums.set(last.id, sum);
    }
  }
  for (const edge of builder.edges.values()) {
    const sum = sums.get(edge.id) || { lower: 0, upper: 0 };
    edge.data.exposureLower = capped(sum.lower);
    edge.data.exposureUpper = capped(sum.upper);
    edge.data.label = `${edge.data.type} ${interval(edge.data.exposureLower, edge.data.exposureUpper)}`;
  }
  for (const name of excluded) {
    if (name.startsWith('entities/')) builder.node({ name }, { excluded: true });
  }
  return builder.build({ root: response.root.name });
}

// Chokepoints: the routes through each ranked entity, the entity marked with its rank.
export function chokepointModel(response) {
  const builder = new ModelBuilder('chokepoints');
  builder.node(response.root, { role: 'root' });
  response.chokepoints.forEach((chokepoint, index) => {
    for (const route of chokepoint.routes) {
      builder.walk(route.path, (hop) => ({ weight: hop.weight, weightUnknown: hop.weightUnknown, label: hop.relationship.type }));
    }
    builder.node(chokepoint.entity, {
      rank: index + 1,
      exposureLostLower: chokepoint.exposureLostLower,
      exposureLostUpper: chokepoint.exposureLostUpper,
      reachLost: chokepoint.reachLost,
    });
  });
  return builder.build({ root: response.root.name });
}
