"""Reusable Qt widgets: plain data in, signals out; no database, devices or decoding."""
