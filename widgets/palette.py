"""Colours of the control-room theme that code needs (priority, incident and device state)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from core.incidents import IncidentState
from core.model import DeviceState, Priority

# High-contrast priority colours on the dark theme; P1 is unmistakable at a glance.
PRIORITY_COLOURS: dict[Priority, QColor] = {
    Priority.P1: QColor("#ff3b30"),
    Priority.P2: QColor("#ff9f0a"),
    Priority.P3: QColor("#ffd60a"),
    Priority.P4: QColor("#64d2ff"),
}

# Incident states as light chips: hues apart from the priority colours (red, orange, yellow,
# cyan), so a state is never read as a priority; done states are grey.
STATE_COLOURS: dict[IncidentState, QColor] = {
    IncidentState.NEW: QColor("#c9a7ff"),
    IncidentState.ACKNOWLEDGED: QColor("#b9c7d8"),
    IncidentState.DISPATCHED: QColor("#9fe0c8"),
    IncidentState.ON_SCENE: QColor("#b6e38c"),
    IncidentState.RESOLVED: QColor("#d9d9d9"),
    IncidentState.CLOSED: QColor("#9a9a9a"),
}

DEVICE_STATE_COLOURS: dict[DeviceState, QColor] = {
    DeviceState.ONLINE: QColor("#30d158"),
    DeviceState.OFFLINE: QColor("#ff453a"),
    DeviceState.FAULT: QColor("#ff9f0a"),
    DeviceState.UNKNOWN: QColor("#8e8e93"),
}

TEXT_ON_PRIORITY = QColor("#000000")
