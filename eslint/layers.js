// The layer rule: every import is classified (a Node built-in, a package, or a folder of this repository)
// and checked against the allow-list of the importing file's folder (the `layers` table in eslint.config.js,
// drawn in docs/layers.md). One rule configured once, so no later config block can replace a layer's list.
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtins = new Set(builtinModules);
const sourceExtension = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

/** 'fs' and 'node:fs' are the same module; a package is its name without the subpath ('@dnd-kit/core/x' → '@dnd-kit/core'). */
function packageOf(specifier) {
  if (specifier.startsWith('node:')) return `node:${specifier.slice(5).split('/')[0]}`;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtins.has(name) ? `node:${name}` : name;
}

/** 'y-*' matches 'y-protocols'; '@dnd-kit/*' matches '@dnd-kit/core'; 'node:*' every built-in. */
function matches(pattern, name) {
  if (!pattern.includes('*')) return pattern === name;
  const expression = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
  return expression.test(name);
}

/**
 * The layer a repository path belongs to: a listed folder ('shared/model'), else the wildcard of its top folder
 * ('shared/*' holds every other folder and file of shared/), else the top folder's own files ('renderer' for
 * renderer/main.tsx). Undefined for a folder under a checked top folder that no layer names.
 */
function layerOf(relative, layers) {
  const parts = relative.split('/');
  if (parts.length >= 2 && layers[`${parts[0]}/${parts[1]}`]) return `${parts[0]}/${parts[1]}`;
  if (layers[`${parts[0]}/*`]) return `${parts[0]}/*`;
  if (parts.length === 2 && layers[parts[0]]) return parts[0];
  return undefined;
}

/** The folder a path names, for messages: 'renderer/app' for renderer/app/App.tsx, 'electron' for electron/security.ts, 'shared/minutes' for its index. */
function folderOf(relative) {
  const parts = relative.split('/');
  if (parts.length === 2 && existsSync(path.join(repoRoot, relative)) && statSync(path.join(repoRoot, relative)).isDirectory()) return relative;
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

const list = (names) => (names.length === 0 ? 'nothing' : names.join(', '));

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (docs/layers.md).' },
    // The options are the layer table of eslint.config.js, checked by tests/unit/lint-layers.test.ts.
    schema: false,
    messages: {
      package: "{{layer}} may not import the package '{{name}}': {{why}}",
      folder: "{{layer}} may not import {{target}}/ ('{{specifier}}'): {{why}}",
      deep: "Import shared/model through its index ('{{index}}'), not its file '{{specifier}}': the index and its document-free part (plain.ts) are the model's only doors.",
      outside: "'{{specifier}}' reaches outside the repository.",
      unmapped: '{{folder}}/ is in no layer: add it to the layers in eslint.config.js and to docs/layers.md.',
    },
  },
  create(context) {
    const { layers, indexOnly, alsoDoors = [], deepImportsAllowedIn = [] } = context.options[0];
    const file = path.relative(repoRoot, context.filename).split(path.sep).join('/');
    if (file.startsWith('..')) return {};
    const ownLayer = layerOf(file, layers);
    const top = file.split('/')[0];
    const checked = Object.keys(layers).some((key) => key.split('/')[0] === top);
    const rules = ownLayer ? layers[ownLayer] : undefined;

    /** The layer's own reason for refusing a target, else the list of what it may import. */
    const why = (kind, name) => {
      const reason = rules.because?.find((entry) => (entry[kind] ?? []).some((pattern) => matches(pattern, name)));
      return reason ? reason.why : `it may import only ${list(rules[kind])}.`;
    };

    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const bare = specifier.split('?')[0];
      if (!bare.startsWith('.') && !bare.startsWith('/')) {
        if (!rules) return;
        const name = packageOf(bare);
        if (!rules.packages.some((pattern) => matches(pattern, name))) {
          context.report({ node, messageId: 'package', data: { layer: `${folderOf(file)}/`, name, why: why('packages', name) } });
        }
        return;
      }
      const target = path.relative(repoRoot, path.resolve(path.dirname(context.filename), bare)).split(path.sep).join('/');
      if (target.startsWith('..') || path.isAbsolute(target)) {
        context.report({ node, messageId: 'outside', data: { specifier } });
        return;
      }
      const targetLayer = layerOf(target, layers);
      if (rules && targetLayer !== ownLayer) {
        const allowed = rules.folders.some((entry) => entry === targetLayer || entry === target || entry === target.replace(sourceExtension, ''));
        if (!allowed) {
          const name = targetLayer ?? folderOf(target);
          context.report({ node, messageId: 'folder', data: { layer: `${folderOf(file)}/`, target: folderOf(target), specifier, why: why('folders', name) } });
          return;
        }
      }
      const withoutExtension = target.replace(sourceExtension, '');
      const deep = target.startsWith(`${indexOnly}/`) && withoutExtension !== `${indexOnly}/index` && !alsoDoors.includes(withoutExtension);
      if (deep && ownLayer !== indexOnly && !deepImportsAllowedIn.includes(file)) {
        const index = path.relative(path.dirname(context.filename), path.join(repoRoot, indexOnly)).split(path.sep).join('/').replace(/^(?!\.)/, './');
        context.report({ node, messageId: 'deep', data: { specifier, index } });
      }
    };

    const source = (node) => node.source && check(node.source, node.source.value);
    return {
      Program(node) {
        if (checked && !ownLayer) context.report({ node, messageId: 'unmapped', data: { folder: folderOf(file) } });
      },
      ImportDeclaration: source,
      ExportAllDeclaration: source,
      ExportNamedDeclaration: source,
      ImportExpression: source,
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.argument;
        check(node, literal?.value);
      },
      TSExternalModuleReference(node) {
        check(node, node.expression?.value);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
    };
  },
};

export default { meta: { name: 'plenum-layers' }, rules: { layers: layersRule } };
