'use strict';
/**
 * Serverless plugin: writes the folder of the AWS SDK layer (`layers.awsSdk` in serverless.yml) right
 * before `serverless package` zips the functions and layers.
 *
 * The functions do not bundle the AWS SDK (custom.esbuild.exclude): it reaches them through this layer,
 * at exactly the versions package-lock.json installs and the tests run with. The layer holds every
 * `@aws-sdk/*` package that functions/package.json names, and everything those need at run time,
 * copied from node_modules as resolved from functions/ (the resolution esbuild and the unit tests use),
 * without type declarations, ES-module builds (the functions are CommonJS) or source maps.
 * `nodejs/aws-sdk-layer.json` in the layer lists what it holds.
 *
 * Lambda puts the layer's `nodejs/node_modules` on NODE_PATH ahead of the runtime's own SDK copy, so a
 * function's `require('@aws-sdk/client-dynamodb')` loads the pinned version, never the runtime's.
 * Locally (serverless offline, tests) the same requires resolve from the repository's node_modules.
 */
const fs = require('node:fs');
const path = require('node:path');

const LAYER = 'awsSdk';

/** Files and folders no CommonJS `require` ever reads. */
const SKIP_DIRS = new Set(['dist-es', 'dist-types', 'node_modules', '__tests__', 'test', 'tests', 'docs']);
const SKIP_FILE = /(\.d\.[cm]?ts|\.map|\.md|\.markdown|\.tsbuildinfo)$/i;

/** The package directory `name` resolves to from `fromDir`, following Node's node_modules lookup. */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'), 'package.json');
    if (fs.existsSync(candidate)) return path.dirname(fs.realpathSync(candidate));
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function copyPackage(from, to) {
  let bytes = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) bytes += copyPackage(source, target);
    } else if (entry.isFile() && !SKIP_FILE.test(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
      bytes += fs.statSync(target).size;
    }
  }
  return bytes;
}

/**
 * Writes the layer into `layerDir` (emptied first): `nodejs/node_modules/<package>` for every package
 * of the closure, nested under its dependent when two versions of one package are needed.
 * Returns the manifest written to `nodejs/aws-sdk-layer.json`.
 */
function buildAwsSdkLayer({ repoRoot, layerDir }) {
  const functionsDir = path.join(repoRoot, 'functions');
  const manifest = readJson(path.join(functionsDir, 'package.json'));
  const roots = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
    .filter((name) => name.startsWith('@aws-sdk/'))
    .sort();
  if (roots.length === 0) throw new Error('functions/package.json names no @aws-sdk package');

  const modulesDir = path.join(layerDir, 'nodejs', 'node_modules');
  fs.rmSync(layerDir, { recursive: true, force: true });
  fs.mkdirSync(modulesDir, { recursive: true });

  /** Source package directory → its place in the layer. */
  const placed = new Map();
  /** Layer directory → source package directory. */
  const occupied = new Map();
  const packages = [];
  const queue = roots.map((name) => ({ name, from: functionsDir, parentTarget: modulesDir, optional: false }));
  while (queue.length > 0) {
    const { name, from, parentTarget, optional } = queue.shift();
    const source = resolvePackage(name, from);
    if (!source) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${from}) is not installed: run npm ci`);
    }
    if (placed.has(source)) continue;
    // Top level when that place is free, else next to the package that needs this version.
    let target = path.join(modulesDir, ...name.split('/'));
    if (occupied.has(target) && occupied.get(target) !== source) target = path.join(parentTarget, 'node_modules', ...name.split('/'));
    if (occupied.has(target) && occupied.get(target) !== source) throw new Error(`two versions of ${name} compete for ${target}`);
    placed.set(source, target);
    occupied.set(target, source);
    const pkg = readJson(path.join(source, 'package.json'));
    const bytes = copyPackage(source, target);
    packages.push({ name, version: pkg.version, path: path.relative(path.join(layerDir, 'nodejs'), target).split(path.sep).join('/'), bytes });
    const dependencies = Object.keys(pkg.dependencies ?? {}).sort();
    const optionalDependencies = Object.keys(pkg.optionalDependencies ?? {}).sort();
    for (const dependency of dependencies) queue.push({ name: dependency, from: source, parentTarget: target, optional: false });
    for (const dependency of optionalDependencies) queue.push({ name: dependency, from: source, parentTarget: target, optional: true });
  }
  packages.sort((a, b) => a.path.localeCompare(b.path));
  const result = { roots, packages };
  fs.writeFileSync(path.join(layerDir, 'nodejs', 'aws-sdk-layer.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

class AwsSdkLayerPlugin {
  constructor(serverless, _options, { log } = {}) {
    this.serverless = serverless;
    this.log = log;
    this.hooks = {
      'before:package:createDeploymentArtifacts': () => this.build(),
      'before:package:compileLayers': () => this.allowPackagingWithoutCredentials(),
    };
  }

  /**
   * To reuse a layer it uploaded before, the framework reads the deployed stack's outputs while
   * compiling layers, which needs AWS credentials. `serverless package` must work without any (README,
   * "Deploy"; the build test): without credentials there is no deployed stack to compare with, so the
   * layer is packaged as for a first deployment. With credentials (every deploy) nothing changes.
   */
  allowPackagingWithoutCredentials() {
    const compiler = this.serverless.pluginManager.plugins.find((plugin) => typeof plugin.compareWithLastLayer === 'function');
    if (!compiler || compiler.compareWithLastLayer.withoutCredentials) return;
    const compare = compiler.compareWithLastLayer.bind(compiler);
    const tolerant = async (layerName) => {
      try {
        return await compare(layerName);
      } catch (error) {
        if (error?.code !== 'AWS_CREDENTIALS_NOT_FOUND') throw error;
        this.log?.verbose?.(`No AWS credentials: layer ${layerName} is packaged without comparing it with a deployed one`);
        return undefined;
      }
    };
    tolerant.withoutCredentials = true;
    compiler.compareWithLastLayer = tolerant;
  }

  build() {
    const layer = this.serverless.service.getLayer(LAYER);
    if (!layer?.path) throw new this.serverless.classes.Error(`serverless.yml must define layers.${LAYER}.path`);
    const layerDir = path.resolve(this.serverless.serviceDir, layer.path);
    const { packages } = buildAwsSdkLayer({ repoRoot: this.serverless.serviceDir, layerDir });
    const sdk = packages.find((p) => p.name === '@aws-sdk/client-dynamodb') ?? packages[0];
    const megabytes = packages.reduce((sum, p) => sum + p.bytes, 0) / 1e6;
    this.log?.verbose?.(`AWS SDK layer: ${packages.length} packages (${sdk.name} ${sdk.version}), ${megabytes.toFixed(1)} MB unzipped`);
  }
}

module.exports = AwsSdkLayerPlugin;
module.exports.buildAwsSdkLayer = buildAwsSdkLayer;
