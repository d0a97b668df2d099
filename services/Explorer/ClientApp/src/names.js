// Resource names as the API spells them: `entities/{id}`; a form field may hold just the id.
export const entityName = (text) => {
  const trimmed = (text || '').trim();
  return trimmed === '' || trimmed.includes('/') ? trimmed : `entities/${trimmed}`;
};

export const shortId = (name) => (name || '').replace(/^[a-z]+\//, '');

export const label = (ref) => ref?.displayName || shortId(ref?.name);
