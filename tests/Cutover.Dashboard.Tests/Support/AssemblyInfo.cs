// Each class starts a whole platform (HAProxy, Prometheus, instances) and Chromium: one at a time on a 2-core machine,
// and the token tests set the control plane's environment variable, which is per process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
