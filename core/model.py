"""Enumerations and small value types shared by every layer."""

from __future__ import annotations

import enum

# The name of the program's data, configuration and log folders, and its database sessions.
APP_NAME = "street-command-console"


class RoleName(enum.StrEnum):
    """The roles of the product; a user has exactly one."""

    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    STATION = "station"
    # A responding unit's desk (police station, fire, volunteers …): answers its department's
    # assignments on any PC; reads the queue, changes no incident.
    DEPARTMENT = "department"
    # The street's psychological counsellor: screenings, their results, counselling records
    # and risk alerts; the only role that reads counselling notes.
    COUNSELLOR = "counsellor"


class DeviceKind(enum.StrEnum):
    """What a row of the device table is."""

    READER = "reader"
    CAMERA = "camera"
    ALARM_PANEL = "alarm_panel"
    PHONE = "phone"
    PANIC_BUTTON = "panic_button"
    GPS_GATEWAY = "gps_gateway"


class DeviceState(enum.StrEnum):
    """Online state of a device; UNKNOWN until an adapter has reported."""

    UNKNOWN = "unknown"
    ONLINE = "online"
    OFFLINE = "offline"
    FAULT = "fault"


class Priority(enum.IntEnum):
    """Incident priority: lower value is more urgent (P1 first in every sort)."""

    P1 = 1
    P2 = 2
    P3 = 3
    P4 = 4


class IncidentSource(enum.StrEnum):
    """Where an incident came from."""

    MANUAL = "manual"
    CALL = "call"
    ALARM = "alarm"
    TRACKING = "tracking"
    VIDEO = "video"
    DEVICE = "device"
    SCREENING = "screening"  # a risk answer in a psychological screening (restricted)
