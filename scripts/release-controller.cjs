#!/usr/bin/env node
// Validates the AWS release controller's generated Step Functions definition with asl-validator and executes it with
// aws-local-stepfunctions against a simulated AWS account (ECS task sets, the production rule's weights, target health,
// CloudWatch alarms, hook tasks, an approval task token). Issue 15.
// Usage: node scripts/release-controller.cjs <definition.json> <scenarios.json>
//   scenarios.json: [{ "name", "alarmAtStep"?: n (1-based, alarm fires once step n is shifted), "alarmAtStart"?: bool,
//                      "hookExitCode"?: n, "approval"?: "given" | "denied", "stopAfterStep"?: n (abort, then a new execution) }]
// Last line: one JSON object { valid, errors, scenarios: { name: { outcome, error, weights, created, deleted, events } } };
// exit 0 when the definition is valid, 1 when it is not, 2 on usage or I/O error.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

// aws-local-stepfunctions 3 calls Promise.withResolvers (Node 22); Debian's Node is 20. The standard's definition, if absent.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

const blue = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/shop-use1-blue/1";
const green = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/shop-use1-green/2";

function account() {
  return { weights: { [blue]: 100, [green]: 0 }, taskSets: [{ Id: "ecs-svc/old", ExternalId: "blue", TaskDefinition: "arn:td/shop:1", LoadBalancers: [{ TargetGroupArn: blue }] }],
    shifted: [], created: [], deleted: [], events: [], firing: [], primary: null };
}

function handlers(definition, aws, scenario, control) {
  const byResource = {
    "arn:aws:states:::aws-sdk:ecs:describeServices": () => ({ Services: [{ TaskSets: aws.taskSets }] }),
    "arn:aws:states:::aws-sdk:elasticloadbalancingv2:describeRules": () => ({ Rules: [{ Actions: [{ Type: "forward", ForwardConfig: {
      TargetGroups: Object.entries(aws.weights).map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })) } }] }] }),
    "arn:aws:states:::aws-sdk:cloudwatch:describeAlarms": (input) => ({ MetricAlarms: aws.firing.filter((n) => input.AlarmNames.includes(n)).map((AlarmName) => ({ AlarmName, StateValue: "ALARM" })) }),
    "arn:aws:states:::aws-sdk:ecs:createTaskSet": (input) => {
      const set = { Id: `ecs-svc/${input.ExternalId}`, ExternalId: input.ExternalId, TaskDefinition: input.TaskDefinition, LoadBalancers: input.LoadBalancers };
      aws.taskSets.push(set);
      aws.created.push(set.Id);
      return { TaskSet: set };
    },
    "arn:aws:states:::aws-sdk:elasticloadbalancingv2:describeTargetHealth": () => ({ TargetHealthDescriptions: [1, 2, 3].map((n) => ({ Target: { Id: `10.0.0.${n}` }, TargetHealth: { State: "healthy" } })) }),
    "arn:aws:states:::ecs:runTask.sync": (input) => {
      aws.events.push(`hook-run:${input.Overrides.ContainerOverrides[0].Environment.find((e) => e.Name === "CUTOVER_TEST_URL").Value}`);
      return { Containers: [{ ExitCode: scenario.hookExitCode ?? 0 }] };
    },
    "arn:aws:states:::sns:publish.waitForTaskToken": (input) => {
      if (!input.Message.taskToken) throw Object.assign(new Error("no task token in the approval request"), { name: "NoToken" });
      if (scenario.approval === "denied") throw Object.assign(new Error("denied"), { name: "Cutover.Denied" });
      return { approvedBy: "test" };
    },
    "arn:aws:states:::aws-sdk:elasticloadbalancingv2:modifyRule": (input) => {
      for (const group of input.Actions[0].ForwardConfig.TargetGroups) aws.weights[group.TargetGroupArn] = group.Weight;
      const newWeight = input.Actions[0].ForwardConfig.TargetGroups[0].Weight;
      aws.shifted.push(newWeight);
      const step = aws.shifted.length;
      if (scenario.alarmAtStep === step) aws.firing.push("shop-prod-5xx");
      return {};
    },
    "arn:aws:states:::aws-sdk:ecs:updateServicePrimaryTaskSet": (input) => { aws.primary = input.PrimaryTaskSet; return {}; },
    "arn:aws:states:::aws-sdk:ecs:deleteTaskSet": (input) => {
      aws.taskSets = aws.taskSets.filter((s) => s.Id !== input.TaskSet);
      aws.deleted.push(input.TaskSet);
      return {};
    },
    "arn:aws:states:::events:putEvents": (input) => {
      const detail = input.Entries[0].Detail;
      aws.events.push(detail.weight === undefined ? detail.event : `${detail.event}:${detail.weight}`);
      if (detail.event === "traffic.shifted" && scenario.stopAfterStep === detail.step && !control.stopped) {
        control.stopped = true;
        // Stopped right after the shift, as a StopExecution or a crash would: the weights stay where they are.
        control.abort();
        return new Promise(() => {});
      }
      return { Entries: [{ EventId: "1" }] };
    },
  };
  const local = {};
  const waits = {};
  const visit = (states) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === "Task") {
        const handler = byResource[state.Resource];
        if (!handler) throw new Error(`no simulated API for ${state.Resource} (state ${name})`);
        local[name] = async (input) => handler(input);
      }
      if (state.Type === "Wait") waits[name] = 0;
      if (state.ItemProcessor) visit(state.ItemProcessor.States);
    }
  };
  visit(definition.States);
  return { taskResourceLocalHandlers: local, waitTimeOverrides: waits, retryIntervalOverrides: {} };
}

async function execute(StateMachine, definition, aws, scenario, run) {
  const machine = new StateMachine(definition, { validationOptions: { checkArn: false, checkPaths: false } });
  const control = { stopped: scenario.stopped ?? false };
  const input = { release: "r42", taskDefinition: "arn:td/shop:2" };
  const execution = machine.run(input, {
    overrides: handlers(definition, aws, scenario, control),
    context: { Execution: { Id: `arn:aws:states:us-east-1:111111111111:execution:shop:${run}`, Name: run, Input: input, StartTime: new Date(0).toISOString() }, Task: { Token: "token-1" } },
    noThrowOnAbort: true,
  });
  control.abort = execution.abort;
  try {
    const result = await execution.result;
    return { outcome: control.stopped && result === null ? "stopped" : "succeeded", error: null, control };
  } catch (error) {
    return { outcome: "failed", error: `${error.name}: ${error.message}`, control };
  }
}

async function main() {
  const [definitionFile, scenariosFile] = process.argv.slice(2);
  if (!definitionFile || !scenariosFile) {
    process.stderr.write("usage: node scripts/release-controller.cjs <definition.json> <scenarios.json>\n");
    return 2;
  }
  const root = path.resolve(__dirname, "..");
  let definition, scenarios, validator, StateMachine;
  try {
    definition = JSON.parse(fs.readFileSync(definitionFile, "utf8"));
    scenarios = JSON.parse(fs.readFileSync(scenariosFile, "utf8"));
    validator = require(path.join(root, "node_modules", "asl-validator"));
    ({ StateMachine } = require(path.join(root, "node_modules", "aws-local-stepfunctions")));
  } catch (error) {
    process.stderr.write(`release-controller: ${error.message} (run npm ci or scripts/install-deps.sh)\n`);
    return 2;
  }
  const validate = validator.default ?? validator;
  const { isValid, errors } = validate(definition);
  const report = { valid: isValid, errors: errors.map((e) => `${e["Error code"] ?? ""} ${e.Message ?? e.message ?? JSON.stringify(e)}`), scenarios: {} };
  if (isValid) {
    for (const scenario of scenarios) {
      const aws = account();
      if (scenario.alarmAtStart) aws.firing.push("shop-prod-5xx");
      const first = await execute(StateMachine, definition, aws, scenario, "run-1");
      let outcome = first;
      if (first.outcome === "stopped") {
        // The stopped execution left traffic split; a new one reads the weights and task sets and carries on.
        aws.events.push("stopped");
        outcome = await execute(StateMachine, definition, aws, { ...scenario, stopped: true }, "run-2");
      }
      report.scenarios[scenario.name] = { outcome: outcome.outcome, error: outcome.error, weights: aws.shifted, created: aws.created,
        deleted: aws.deleted, primary: aws.primary, finalWeights: { blue: aws.weights[blue], green: aws.weights[green] }, events: aws.events };
    }
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return isValid ? 0 : 1;
}

// Exit at once: the interpreter leaves the Task states' TimeoutSeconds timers running after an execution ends.
main().then((code) => { process.exit(code); }, (error) => { process.stderr.write(`${error.stack}\n`); process.exitCode = 2; });
