"""Translated names of domain values (states, priorities, roles, device kinds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.incidents import IncidentState
from core.model import DeviceKind, DeviceState, IncidentSource, Priority, RoleName


def incident_state(s: IncidentState) -> str:
    """'New', 'Acknowledged', … in the current language."""
    return {
        IncidentState.NEW: QCoreApplication.translate("Labels", "New"),
        IncidentState.ACKNOWLEDGED: QCoreApplication.translate("Labels", "Acknowledged"),
        IncidentState.DISPATCHED: QCoreApplication.translate("Labels", "Dispatched"),
        IncidentState.ON_SCENE: QCoreApplication.translate("Labels", "On scene"),
        IncidentState.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
        IncidentState.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }[s]


def priority(p: Priority) -> str:
    """'P1 Critical' … in the current language."""
    return {
        Priority.P1: QCoreApplication.translate("Labels", "P1 Critical"),
        Priority.P2: QCoreApplication.translate("Labels", "P2 High"),
        Priority.P3: QCoreApplication.translate("Labels", "P3 Normal"),
        Priority.P4: QCoreApplication.translate("Labels", "P4 Low"),
    }[p]


def source(s: IncidentSource) -> str:
    """Where an incident came from."""
    return {
        IncidentSource.MANUAL: QCoreApplication.translate("Labels", "Manual"),
        IncidentSource.CALL: QCoreApplication.translate("Labels", "Call"),
        IncidentSource.ALARM: QCoreApplication.translate("Labels", "Alarm"),
        IncidentSource.TRACKING: QCoreApplication.translate("Labels", "Tracking"),
        IncidentSource.VIDEO: QCoreApplication.translate("Labels", "Video"),
        IncidentSource.DEVICE: QCoreApplication.translate("Labels", "Device"),
        IncidentSource.SCREENING: QCoreApplication.translate("Labels", "Screening"),
    }[s]


def role(r: RoleName) -> str:
    """A role's name."""
    return {
        RoleName.OPERATOR: QCoreApplication.translate("Labels", "Operator"),
        RoleName.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        RoleName.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
        RoleName.STATION: QCoreApplication.translate("Labels", "Station"),
        RoleName.DEPARTMENT: QCoreApplication.translate("Labels", "Department"),
        RoleName.COUNSELLOR: QCoreApplication.translate("Labels", "Counsellor"),
    }[r]


def device_kind(kind: str) -> str:
    """A device kind's name; unknown kinds are shown as stored."""
    names = {
        DeviceKind.READER: QCoreApplication.translate("Labels", "RFID reader"),
        DeviceKind.CAMERA: QCoreApplication.translate("Labels", "Camera"),
        DeviceKind.ALARM_PANEL: QCoreApplication.translate("Labels", "Alarm panel"),
        DeviceKind.PHONE: QCoreApplication.translate("Labels", "Phone"),
        DeviceKind.PANIC_BUTTON: QCoreApplication.translate("Labels", "Panic button"),
        DeviceKind.GPS_GATEWAY: QCoreApplication.translate("Labels", "GPS gateway"),
    }
    try:
        return names[DeviceKind(kind)]
    except ValueError:
        return kind


def device_state(s: DeviceState) -> str:
    """A device state's name."""
    return {
        DeviceState.ONLINE: QCoreApplication.translate("Labels", "Online"),
        DeviceState.OFFLINE: QCoreApplication.translate("Labels", "Offline"),
        DeviceState.FAULT: QCoreApplication.translate("Labels", "Fault"),
        DeviceState.UNKNOWN: QCoreApplication.translate("Labels", "Never seen"),
    }[s]
