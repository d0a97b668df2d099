global using Xunit;

// The metrics are process-wide (every in-process host's exporter sees every measurement), so the tests
// that read them must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
