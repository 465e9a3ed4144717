"""The composition root: application, main window, bridges to the GUI thread, CLI."""
