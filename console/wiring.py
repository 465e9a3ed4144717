"""Hand-offs between capabilities, which never import each other: hooks one offers another."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from console.motion_runtime import MotionRuntime
from console.presenters.assignments import AssignmentsPresenter
from console.presenters.base import Presenter
from console.presenters.calls import CallsPresenter
from console.presenters.devices import DevicesPresenter
from console.presenters.employment import EmploymentPresenter
from console.presenters.feedback import FeedbackPresenter
from console.presenters.incidents import IncidentsPresenter
from console.presenters.orders import OrdersPresenter
from console.presenters.recordings import RecordingsPresenter
from console.presenters.residents import ResidentsPresenter
from console.presenters.screening import ScreeningPresenter
from console.presenters.station import StationPresenter
from console.presenters.surveys import SurveysPresenter
from console.presenters.tracking import TrackingPresenter
from console.presenters.video_wall import VideoWallPresenter
from console.presenters.volunteers import VolunteersPresenter

P = TypeVar("P", bound=Presenter)


def _one(presenters: Sequence[Presenter], kind: type[P]) -> P:
    return next(p for p in presenters if isinstance(p, kind))


def wire_presenters(presenters: Sequence[Presenter], motion: MotionRuntime | None) -> None:
    """Connect the presenters' hooks once all are built."""
    incidents = _one(presenters, IncidentsPresenter)
    assignments = _one(presenters, AssignmentsPresenter)
    residents = _one(presenters, ResidentsPresenter)
    video = _one(presenters, VideoWallPresenter)
    recordings = _one(presenters, RecordingsPresenter)
    tracking = _one(presenters, TrackingPresenter)
    calls = _one(presenters, CallsPresenter)
    # The incident window's Dispatch step opens the picker; the window lists assignments.
    incidents.dispatch_hook = assignments.open_picker
    incidents.detail_hook = assignments.show_in
    assignments.after_dispatch = incidents.dispatched
    # The wall's snapshot-to-incident and Ctrl+Shift+V: the incident selected in the queue.
    video.current_incident = incidents.queue.selected_incident_id
    recordings.current_incident = incidents.queue.selected_incident_id
    if motion is not None:
        video.on_settings_changed = motion.reload_settings
    # The map's card opens a tracked person's full card in the residents' pane.
    tracking.resident_card_hook = residents.open_card
    # A camera clicked on the map, or those near the selected tag, go on the video wall.
    tracking.cameras_hook = video.show_cameras
    # The wall's camera tree marks the cameras Device status says cannot be reached.
    _one(presenters, DevicesPresenter).rows_hook = video.show_devices
    # The entry form's "Resident: 张* (open card)": the residents' card, its purposes.
    incidents.duplicates.sig_resident_card_requested.connect(residents.open_card)
    # A call's new-incident form gets the desk's look-ups; its caller card opens the
    # residents' card window.
    calls.entry_hook = incidents.duplicates.attach_entry
    calls.resident_card_hook = residents.open_card
    # A phone survey's Dial places the call on this workstation's line.
    surveys = _one(presenters, SurveysPresenter)
    surveys.dial_hook = calls.dial
    surveys.dial_resident_hook = calls.dial_resident
    screening = _one(presenters, ScreeningPresenter)  # a phone screening rings out the same way
    screening.dial_resident_hook = calls.dial_resident
    screening.can_dial = calls.can_dial
    # The plan's services: an order for a caller; a volunteer task (a welfare check) from
    # the incident selected in the queue, or to carry the delivery selected on the board.
    orders, volunteers = _one(presenters, OrdersPresenter), _one(presenters, VolunteersPresenter)
    calls.order_hook = orders.new_order
    volunteers.current_incident = incidents.queue.selected_incident_id
    orders.volunteer_task_hook = volunteers.task_from_order
    orders.dial_resident_hook = calls.dial_resident
    orders.welfare_visit_hook = volunteers.task_for_silent
    # a station's request (a feedback ticket) may become a volunteer task
    volunteers.current_ticket = _one(presenters, FeedbackPresenter).selected_ticket_id
    orders.can_dial = calls.can_dial
    # A community station's one screen gets the Screening and Employment panes as tabs.
    station = next((p for p in presenters if isinstance(p, StationPresenter)), None)
    if station is not None:
        screening.place_in(station.screen.tabs)
        _one(presenters, EmploymentPresenter).place_in(station.screen.tabs)
