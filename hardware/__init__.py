"""Device adapters (serial, TCP) and in-process simulators; each runs in its own named thread."""
