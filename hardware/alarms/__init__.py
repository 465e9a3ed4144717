"""Alarm panels: the SIA DC-09 receiver, its frame codec and a simulated panel for the demo."""
