// Lints Cypher statements with Neo4j's own parser and semantic analyser
// (@neo4j-cypher/language-support, lintCypherQuery).
//
// Input (a file named on the command line, or stdin): either a JSON array of
//   { "name": "...", "query": "...", "parameters": { "p": <sample value>, ... } }
// or an object { "schema": { "labels": [], "relationshipTypes": [], "propertyKeys": [] }, "statements": [ ... ] }.
// When a schema is given, labels, relationship types and property keys outside it are reported too.
//
// Output (stdout): a JSON array of { "name", "errors", "warnings", "diagnostics": [{ "severity", "message", "line", "column" }] }.
// Exit code: 0 when no statement has an error or a warning, 1 when one has, 2 when the input is unusable.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function readInput() {
  const file = process.argv[2];
  const text = file && file !== '-' ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? { schema: {}, statements: parsed } : { schema: parsed.schema ?? {}, statements: parsed.statements ?? [] };
}

function lint({ name, query, parameters }, schema) {
  const dbSchema = {
    ...schema,
    parameters: parameters ?? {},
    // Neo4j's built-in functions, so a misspelled function is an error.
    functions: testData.mockSchema.functions,
  };
  const { diagnostics } = lintCypherQuery(query, dbSchema);
  const rows = diagnostics.map((d) => ({
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
  return {
    name,
    errors: rows.filter((r) => r.severity === 'error').length,
    warnings: rows.filter((r) => r.severity === 'warning').length,
    diagnostics: rows,
  };
}

let input;
try {
  input = readInput();
} catch (e) {
  process.stderr.write(`cypher-lint: cannot read the statements: ${e.message}\n`);
  process.exit(2);
}

const results = input.statements.map((s) => lint(s, input.schema));
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
const failed = results.filter((r) => r.errors > 0 || r.warnings > 0);
for (const r of failed) {
  for (const d of r.diagnostics) process.stderr.write(`${r.name}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`);
}
process.exit(failed.length > 0 ? 1 : 0);
