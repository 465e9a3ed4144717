"""The shell: the main window that panes, actions and menus are added to as data."""
