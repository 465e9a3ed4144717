"""This workstation's phone line: the SIP gateway its [[sip]] entry asks for, built and started."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.calls import LINE_NOT_STARTED, LINE_OFF_FOR_RUN, CallGateway, GatewayState
from core.ports import EventSink
from core.site import SipLineSpec, SiteSpec
from core.timefmt import utcnow

if TYPE_CHECKING:
    from console.app import ConsoleOptions
    from console.presenters.base import PresenterContext
    from console.presenters.calls import CallsPresenter

log = logging.getLogger(__name__)

GatewayFactory = Callable[[EventSink], Any]
"""Makes a CallGateway that is also a Stoppable (tests and the screenshot use a simulator)."""


def registrar_host(registrar: str) -> str:
    """'sip:pbx.example.org:5060' → 'pbx.example.org:5060' (the adapter adds the scheme)."""
    scheme, sep, rest = registrar.partition(":")
    return rest if sep and scheme.lower() in ("sip", "sips") else registrar


def sip_factory(line: SipLineSpec, recordings_dir: Path) -> GatewayFactory:
    """The pjsua2 adapter for a [[sip]] entry (imported only when a line is configured)."""

    def make(sink: EventSink) -> Any:
        from hardware.sip.pjsua import PjsuaGateway

        return PjsuaGateway(
            sink,
            recordings_dir=recordings_dir,
            bind_host=line.bind_host,
            port=line.port,
            transport=line.transport,
            registrar=registrar_host(line.registrar) or None,
            user=line.user or None,
            password=line.password or None,  # from the site file only; never logged
            domain=line.domain or None,
            peer=line.peer or None,
            name=f"sip:{line.workstation}",
        )

    return make


def start_line(
    factory: GatewayFactory | None,
    sink: EventSink,
    add_worker: Callable[[Any], Any],
    device: str,
) -> CallGateway | None:
    """Build and start the gateway; a line that cannot even be built says why, on its device."""
    if factory is None:
        return None
    try:
        gateway = factory(sink)
        add_worker(gateway)
    except Exception as exc:
        log.exception("the phone line could not be started")
        # The calls pane and the device row show it (the presenter records it on `device`).
        sink.publish(GatewayState(False, f"{LINE_NOT_STARTED}{exc}", utcnow()))
        return None
    log.info("phone line started (device %s)", device or "none")
    gateway_: CallGateway = gateway
    return gateway_


def line_for(site: SiteSpec | None, workstation: str) -> SipLineSpec | None:
    """This workstation's [[sip]] entry, if the site file gives it one."""
    return site.sip_line(workstation) if site is not None else None


def calls_presenter(
    pctx: PresenterContext, opts: ConsoleOptions, add_worker: Callable[[Any], Any]
) -> CallsPresenter:
    """The calls pane, with this workstation's phone line (started here) when it has one."""
    from console.presenters.calls import CallsPresenter
    from hardware.audio import output_devices

    line = line_for(opts.site, opts.workstation)
    factory = opts.call_gateway
    if factory is None and line is not None and opts.sip:
        recordings = opts.recordings_dir or opts.config_dir / "recordings" / "calls"
        factory = sip_factory(line, recordings)
    device = line.device if line is not None else ""
    if factory is None and line is not None:
        # The entry is there but the options keep the line off (tests, screenshots): say so,
        # rather than "starting…" for ever or "add a [[sip]] entry".
        pctx.bridge.publish(GatewayState(False, LINE_OFF_FOR_RUN, utcnow()))
    gateway = start_line(factory, pctx.bridge, add_worker, device)
    return CallsPresenter(
        pctx,
        gateway,
        workstation=opts.workstation,
        device=device,
        line_configured=line is not None or factory is not None,
        settings=opts.config_dir / "sound.ini",
        list_devices=output_devices if gateway is not None else None,
    )
