"""Test helpers: real servers started by the test session, fakes tested against the ports."""
