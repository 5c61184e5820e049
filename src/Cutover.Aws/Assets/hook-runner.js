// Runs the manifest's preTrafficHooks as one-off ECS tasks against the test listener, for ECS lifecycle hooks
// (answers IN_PROGRESS and is called again) and CodeDeploy AppSpec hooks (polls, then reports the status).
const { ECSClient, RunTaskCommand, ListTasksCommand, DescribeTasksCommand } = require('@aws-sdk/client-ecs');
const { CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } = require('@aws-sdk/client-codedeploy');
const ecs = new ECSClient({});
const env = process.env;
const hooks = JSON.parse(env.HOOKS);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start(tag) {
  for (const hook of hooks) {
    await ecs.send(new RunTaskCommand({
      cluster: env.CLUSTER, taskDefinition: env.TASK_DEFINITION, launchType: 'FARGATE', startedBy: tag.slice(0, 128),
      networkConfiguration: { awsvpcConfiguration: { subnets: env.SUBNETS.split(','), securityGroups: [env.SECURITY_GROUP], assignPublicIp: 'DISABLED' } },
      overrides: { containerOverrides: [{ name: 'hook', command: [hook.command, ...hook.args],
        environment: [...hook.env, { name: 'CUTOVER_TEST_URL', value: env.TEST_URL }, { name: 'CUTOVER_HOOK', value: hook.name }] }] },
    }));
  }
}

// SUCCEEDED when every hook task exited 0, FAILED when one did not, IN_PROGRESS while any runs.
async function status(tag) {
  const list = await ecs.send(new ListTasksCommand({ cluster: env.CLUSTER, startedBy: tag.slice(0, 128), desiredStatus: 'STOPPED' }));
  const running = await ecs.send(new ListTasksCommand({ cluster: env.CLUSTER, startedBy: tag.slice(0, 128), desiredStatus: 'RUNNING' }));
  if (running.taskArns.length > 0 || list.taskArns.length < hooks.length) return 'IN_PROGRESS';
  const described = await ecs.send(new DescribeTasksCommand({ cluster: env.CLUSTER, tasks: list.taskArns }));
  const ok = described.tasks.every((t) => t.containers.every((c) => c.name !== 'hook' || c.exitCode === 0));
  return ok ? 'SUCCEEDED' : 'FAILED';
}

exports.handler = async (event) => {
  if (event.DeploymentId) {
    const tag = `cutover-${event.LifecycleEventHookExecutionId}`;
    let result = 'Failed';
    try {
      await start(tag);
      const deadline = Date.now() + Number(env.TIMEOUT_SECONDS) * 1000;
      let state = 'IN_PROGRESS';
      while (state === 'IN_PROGRESS' && Date.now() < deadline) { await sleep(10000); state = await status(tag); }
      result = state === 'SUCCEEDED' ? 'Succeeded' : 'Failed';
    } finally {
      await new CodeDeployClient({}).send(new PutLifecycleEventHookExecutionStatusCommand({
        deploymentId: event.DeploymentId, lifecycleEventHookExecutionId: event.LifecycleEventHookExecutionId, status: result }));
    }
    return;
  }
  const tag = `cutover-${event.executionId}`;
  const stopped = await ecs.send(new ListTasksCommand({ cluster: env.CLUSTER, startedBy: tag.slice(0, 128) }));
  if (stopped.taskArns.length === 0 && !(event.hookDetails && event.hookDetails.started)) {
    await start(tag);
    return { hookStatus: 'IN_PROGRESS', callBackDelay: 15, hookDetails: { started: true } };
  }
  const state = await status(tag);
  return state === 'IN_PROGRESS' ? { hookStatus: 'IN_PROGRESS', callBackDelay: 15, hookDetails: { started: true } } : { hookStatus: state };
};
