// Most classes start a whole platform (control plane, HAProxy, Prometheus, sample instances) and drive load at it.
// Two at once on a 2-core machine starved a starting instance past its 20 s start timeout in CI: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
