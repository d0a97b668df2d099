// How numbers, intervals, dates and property values read on the page.
export const number = (value) => {
  const rounded = Math.round((value || 0) * 1000) / 1000;
  return String(rounded);
};

// An exposure interval: one number when both ends agree, "lower–upper" otherwise.
export const interval = (lower, upper) =>
  number(lower) === number(upper) ? number(lower) : `${number(lower)}–${number(upper)}`;

export const signed = (value) => (value > 0 ? `+${number(value)}` : number(value));

export const date = (timestamp) => (timestamp ? String(timestamp).slice(0, 10) : '');

// A validity interval [from, to); either end may be open.
export const validity = (from, to) => {
  if (!from && !to) return 'always (no bounds stated)';
  if (!from) return `until ${date(to)} (exclusive)`;
  if (!to) return `from ${date(from)}`;
  return `${date(from)} to ${date(to)} (exclusive)`;
};

export const propertyValue = (value) => {
  if (!value) return '';
  if ('stringValue' in value) return value.stringValue;
  if ('numberValue' in value) return number(value.numberValue);
  if ('integerValue' in value) return String(value.integerValue);
  if ('boolValue' in value) return String(value.boolValue);
  if ('timestampValue' in value) return date(value.timestampValue);
  return JSON.stringify(value);
};
