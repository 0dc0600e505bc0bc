// ESLint rule (CommonJS, so that Jest can load it too) `taizhang/feature-boundaries`: a feature of a service (a folder directly under
// `services/<service>/src/`) uses another feature only through that feature's face, its
// `index.ts` (`import … from '../members'`), never a file inside it. The service's composition
// root (the files directly under `src/`) and the folders every feature shares (`shared`, `config`)
// are open to all. Without it, features grow into each other's internals (issue 10: members →
// unions in 7 files, unions ↔ union-applications) and no folder can be changed on its own.
const path = require('node:path');

/** Folders under `src/` that every feature may use in full. */
const OPEN_FOLDERS = new Set(['shared', 'config']);

/** `{ service, feature, rest }` of a file under `services/<service>/src/`, else null. */
const placeOf = (file) => {
  const parts = file.split(path.sep).join('/').split('/');
  const services = parts.lastIndexOf('services');
  if (services < 0 || parts[services + 2] !== 'src') return null;
  const inside = parts.slice(services + 3);

  return {
    root: parts.slice(0, services + 3).join('/'),
    feature: inside.length > 1 ? inside[0] : null,
    rest: inside.slice(1).join('/'),
  };
};

/** Whether `to` is a place `from` may import: its own feature, another service, an open folder, a face. */
const allowed = (from, to) =>
  !to ||
  to.root !== from.root ||
  to.feature === null ||
  to.feature === from.feature ||
  OPEN_FOLDERS.has(to.feature) ||
  ['', 'index', 'index.ts'].includes(to.rest);

/** Why importing `specifier` from `file` crosses a feature's boundary, or null when it does not. */
const crossing = (file, specifier) => {
  if (!specifier.startsWith('.')) return null;
  const from = placeOf(file);
  if (!from || from.feature === null) return null;
  const to = placeOf(path.resolve(path.dirname(file), specifier));
  if (allowed(from, to)) return null;

  return `'${from.feature}' reaches into '${to.feature}/${to.rest}': import it from '${to.feature}' (its index.ts) and export it there if other features need it.`;
};

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "A feature uses another feature only through that feature's index.ts." },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const problem = crossing(context.filename, node.source.value);
      if (problem) context.report({ node: node.source, message: problem });
    };

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

module.exports = { rules: { 'feature-boundaries': rule }, crossing };
