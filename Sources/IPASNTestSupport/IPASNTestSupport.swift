// IPASNTestSupport: helpers shared by every test target (clock, fixtures, screen checkpoints,
// the Store conformance suite).
