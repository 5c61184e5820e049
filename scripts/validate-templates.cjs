#!/usr/bin/env node
// Runs the validators AWS CDK users rely on over synthesized CloudFormation templates (issue 14): each template is
// loaded into a CDK app through cloudformation-include (CfnInclude), so aws-cdk-lib's built-in template validation
// (the "CloudFormation Validate" plugin of the validation report, @aws/cloudformation-validate: cfn-lint's rule ids,
// E/W/F...) and the cdk-nag packs AwsSolutions, HIPAA.Security and NIST.800-53.R5 see it as if it had been written in
// TypeScript. CDK for .NET 2.160 has neither (docs/aws.md).
//
// Usage: node scripts/validate-templates.cjs <cloud assembly or folder of *.template.json>...
// Several folders (say, one cloud assembly per environment) share one CDK app, so aws-cdk-lib loads once; each stack's
// construct id is then prefixed with its folder's name, and so is the stack named on each finding line.
// Findings go to stdout, one a line; the last line is JSON:
//   {"nag_findings":N,"nag_suppressed":N,"nag_errors":N,"template_validation_findings":N,"templates":N,
//    "nag_by_rule":{...},"template_validation_by_rule":{...}}
// nag_findings counts unsuppressed findings of every pack (a rule that fails on a resource, once per finding id);
// a suppression is read from the resource's Metadata.cdk_nag.rules_to_suppress, as cdk-nag reads it.
// Exit codes: 0 no finding, 1 findings, 2 usage error (no such folder, no template, a template CfnInclude refuses).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

function usage(message) {
  process.stderr.write(`error: ${message}\nusage: node scripts/validate-templates.cjs <folder of *.template.json>...\n`);
  process.exit(EXIT_USAGE);
}

/** The stacks of a cloud assembly (manifest.json gives each one's account and region), else every *.template.json. */
function readTemplates(dir) {
  const manifestFile = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
    const stacks = [];
    for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
      if (artifact.type !== 'aws:cloudformation:stack') {
        continue;
      }
      const match = /^aws:\/\/([^/]+)\/([^/]+)$/.exec(artifact.environment ?? '');
      stacks.push({
        id,
        file: path.join(dir, artifact.properties.templateFile),
        account: match && !match[1].startsWith('unknown-') ? match[1] : undefined,
        region: match && !match[2].startsWith('unknown-') ? match[2] : undefined,
      });
    }
    return stacks;
  }
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.template.json'))
    .sort()
    .map((f) => ({ id: f.slice(0, -'.template.json'.length), file: path.join(dir, f) }));
}

/** Counts cdk-nag's verdicts; one logger is shared by the three packs. */
class CountingNagLogger {
  constructor() {
    this.findings = [];
    this.suppressed = [];
    this.errors = [];
  }

  onCompliance() {}

  onNotApplicable() {}

  onNonCompliance(data) {
    this.findings.push(data);
  }

  onSuppressed(data) {
    this.suppressed.push(data);
  }

  onError(data) {
    this.errors.push(data);
  }

  onSuppressedError(data) {
    this.suppressed.push(data);
  }
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

function main(argv) {
  if (argv.length === 0 || argv.some((a) => a.startsWith('-'))) {
    usage('expected one or more folders');
  }
  const templates = [];
  for (const arg of argv) {
    const dir = path.resolve(arg);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      usage(`${arg} is not a folder`);
    }
    const found = readTemplates(dir);
    if (found.length === 0) {
      usage(`no *.template.json in ${arg}`);
    }
    for (const template of found) {
      templates.push(argv.length === 1 ? template : { ...template, id: `${path.basename(dir)}-${template.id}` });
    }
  }

  // Required here, not at the top, so a usage error does not pay for loading aws-cdk-lib.
  const cdk = require('aws-cdk-lib');
  const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
  const nag = require('cdk-nag');

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-validate-'));
  try {
    const app = new cdk.App({
      outdir,
      analyticsReporting: false,
      context: {
        // Report, do not throw: the counts are this script's answer.
        '@aws-cdk/core:failSynthOnValidationErrors': false,
        // cdk-nag's annotations stay out of the validation report: they are counted through the logger.
        '@aws-cdk/core:annotationsInValidationReport': false,
      },
    });
    const logger = new CountingNagLogger();
    for (const template of templates) {
      const stack = new cdk.Stack(app, template.id.replace(/[^A-Za-z0-9-]/g, '-'), {
        env: template.account && template.region ? { account: template.account, region: template.region } : undefined,
        // The included template already has the bootstrap version parameter and rule.
        synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
      });
      try {
        new CfnInclude(stack, 'Template', { templateFile: template.file });
      } catch (error) {
        usage(`${path.basename(template.file)}: cloudformation-include refused it: ${error.message}`);
      }
    }
    const packProps = { additionalLoggers: [logger], reports: false, verbose: false };
    cdk.Aspects.of(app).add(new nag.AwsSolutionsChecks(packProps));
    cdk.Aspects.of(app).add(new nag.HIPAASecurityChecks(packProps));
    cdk.Aspects.of(app).add(new nag.NIST80053R5Checks(packProps));

    // Synthesis writes the validation report of the built-in template validation; errors become warnings unless
    // @aws-cdk/core:validateAgainstDefaultRules is set, and both count here.
    const consoleError = console.error;
    console.error = () => {};
    try {
      app.synth();
    } finally {
      console.error = consoleError;
    }

    const validation = readValidationFindings(outdir);
    for (const f of validation) {
      process.stdout.write(`validation: ${f.rule} [${f.severity}] ${f.template} ${f.resource}: ${f.description}\n`);
    }
    for (const f of logger.findings) {
      process.stdout.write(`nag: ${f.ruleId} ${f.resource.stack.node.id} ${logicalId(f.resource)}${f.findingId ? ` ${f.findingId}` : ''}: ${f.ruleInfo}\n`);
    }
    for (const f of logger.errors) {
      process.stdout.write(`nag-error: ${f.ruleId} ${f.resource.stack.node.id} ${logicalId(f.resource)}: ${f.errorMessage}\n`);
    }
    const summary = {
      nag_findings: logger.findings.length,
      nag_suppressed: logger.suppressed.length,
      nag_errors: logger.errors.length,
      template_validation_findings: validation.length,
      templates: templates.length,
      nag_by_rule: countBy(logger.findings, (f) => f.ruleId),
      template_validation_by_rule: countBy(validation, (f) => f.rule),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    const total = summary.nag_findings + summary.nag_errors + summary.template_validation_findings;
    return total === 0 ? EXIT_CLEAN : EXIT_FINDINGS;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function logicalId(resource) {
  return resource.stack.resolve(resource.logicalId);
}

/** One finding per rule and violating resource, from every plugin of the validation report (only CloudFormation Validate is registered). */
function readValidationFindings(outdir) {
  const reportFile = path.join(outdir, 'validation-report.json');
  if (!fs.existsSync(reportFile)) {
    return [];
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf-8'));
  const findings = [];
  for (const pluginReport of report.pluginReports ?? []) {
    for (const violation of pluginReport.violations ?? []) {
      for (const construct of violation.violatingConstructs ?? []) {
        const resource = construct.cloudFormationResource ?? {};
        findings.push({
          plugin: pluginReport.pluginName,
          rule: violation.ruleName,
          severity: violation.severity,
          description: violation.description,
          template: resource.templatePath ?? '',
          resource: resource.logicalId ?? construct.constructPath ?? '',
        });
      }
    }
  }
  return findings;
}

process.exitCode = main(process.argv.slice(2));
