"""Tag readers and trackers: byte links, frame parsers and the threads that run them."""
