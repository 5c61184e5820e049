// One jsii runtime (a Node process) serves the whole test assembly; CDK calls from parallel tests would interleave on it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
