#!/usr/bin/env node
// Compiles PayRelay's Solidity sources with the pinned solcjs and writes one JSON artifact per
// deployable contract, which the Java build loads from the classpath (so it never needs solc):
//
//   wallet/src/main/solidity/*.sol  ->  wallet/src/main/resources/contracts/<Contract>.json
//   wallet/src/test/solidity/*.sol  ->  wallet/src/test/resources/contracts/<Contract>.json
//
// Usage (from anywhere):  node tools/solc/compile.mjs           regenerate the artifacts
//                         node tools/solc/compile.mjs --check   compare instead; exit 1 on drift
//                         --root DIR                            another checkout (tests use it)
//
// Every setting that changes the bytecode is fixed here, so the same sources always give the same
// artifacts. Warnings fail the build like errors.

import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Cancun: supported by anvil 1.7.1 (its default hardfork is newer) and by Ethereum mainnet and
// the L2s merchants use (Base, Optimism, Arbitrum, Polygon), so the committed bytecode can be
// deployed on them as is. Prague and Osaka add nothing this code uses and are not yet everywhere.
const EVM_VERSION = 'cancun';
// The proxy is deployed once and called for every payment: optimise for cheap calls.
const OPTIMIZER = { enabled: true, runs: 10000 };

let ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const UNITS = [
  {
    sources: 'wallet/src/main/solidity',
    artifacts: 'wallet/src/main/resources/contracts',
    imports: ['wallet/src/main/solidity'],
  },
  {
    sources: 'wallet/src/test/solidity',
    artifacts: 'wallet/src/test/resources/contracts',
    imports: ['wallet/src/test/solidity', 'wallet/src/main/solidity'],
  },
];

async function loadSolc() {
  try {
    return (await import('solc')).default;
  } catch (e) {
    fail(
      `tools/solc: the solc package is not installed (${e.code ?? e.message}); ` +
        'run `bash tools/install` (needs Node.js 20+ with npm)',
    );
  }
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

/** Reads a source with LF line endings, so a checkout with CRLF gives the same metadata hash. */
function readSource(path) {
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
}

function compileUnit(solc, unit) {
  const dir = join(ROOT, unit.sources);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sol')).sort() : [];
  const sources = {};
  for (const file of files) {
    sources[file] = { content: readSource(join(dir, file)) };
  }
  if (files.length === 0) {
    return new Map();
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: OPTIMIZER,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const findImports = (path) => {
    for (const base of unit.imports) {
      const candidate = join(ROOT, base, path);
      if (existsSync(candidate)) {
        return { contents: readSource(candidate) };
      }
    }
    return { error: `not found under ${unit.imports.join(' or ')}: ${path}` };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const problems = output.errors ?? [];
  if (problems.length > 0) {
    for (const p of problems) {
      console.error(p.formattedMessage ?? p.message);
    }
    fail(`tools/solc: ${problems.length} error(s) or warning(s) in ${unit.sources}`);
  }

  const artifacts = new Map();
  for (const file of files) {
    for (const [name, contract] of Object.entries(output.contracts[file] ?? {})) {
      const bytecode = contract.evm.bytecode.object;
      if (bytecode.length === 0) {
        continue; // an interface or abstract contract: nothing to deploy
      }
      if (artifacts.has(name)) {
        fail(`tools/solc: two contracts named ${name} in ${unit.sources}`);
      }
      const artifact = {
        contractName: name,
        compiler: `solc ${solc.version()}`,
        evmVersion: EVM_VERSION,
        abi: sortKeys(contract.abi),
        bytecode: `0x${bytecode}`,
      };
      artifacts.set(`${name}.json`, `${JSON.stringify(artifact, null, 2)}\n`);
    }
  }
  return artifacts;
}

/** The same JSON with object keys in code-point order, so key order never depends on solc. */
function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

function committed(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
}

async function main() {
  const args = process.argv.slice(2);
  let check = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--check') {
      check = true;
    } else if (args[i] === '--root' && i + 1 < args.length) {
      ROOT = resolve(args[++i]);
    } else {
      fail(`usage: node tools/solc/compile.mjs [--check] [--root DIR]   (unexpected: ${args[i]})`);
    }
  }
  const solc = await loadSolc();
  const drift = [];
  for (const unit of UNITS) {
    const artifacts = compileUnit(solc, unit);
    const dir = join(ROOT, unit.artifacts);
    const stale = committed(dir).filter((f) => !artifacts.has(f));
    for (const file of stale) {
      const path = relative(ROOT, join(dir, file));
      if (check) {
        drift.push(`${path}: no contract in ${unit.sources} produces it`);
      } else {
        unlinkSync(join(dir, file));
        console.log(`removed ${path}`);
      }
    }
    for (const [file, text] of artifacts) {
      const path = join(dir, file);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (current === text) {
        continue;
      }
      if (check) {
        drift.push(
          `${relative(ROOT, path)}: ${current === null ? 'missing' : 'differs from its source'}`,
        );
      } else {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path, text);
        console.log(`wrote ${relative(ROOT, path)}`);
      }
    }
  }
  if (drift.length > 0) {
    console.error('tools/solc: committed contract artifacts do not match the Solidity sources:');
    for (const d of drift) {
      console.error(`  ${d}`);
    }
    console.error('regenerate them with: node tools/solc/compile.mjs');
    process.exit(1);
  }
  if (check) {
    console.log(`tools/solc: contract artifacts match their sources (solc ${solc.version()})`);
  }
}

await main();
