"""The console's data files (theme, translations, demo site), read through importlib.resources."""
