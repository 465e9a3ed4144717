"""A device's detail in the UI's language: the console's own phrases translated, the rest kept."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from core.calls import LINE_NOT_STARTED, LINE_OFF_FOR_RUN

# The detail sits in the shared database as the adapter wrote it, and workstations of either
# language read it: so it is translated here, when shown, never where it is written. Only what
# the console's own code writes is translated (hardware/tracking/link.py, llrp.py,
# jt808_server.py, hardware/netserver.py, hardware/alarms/dc09.py, hardware/sip/pjsua.py and
# audio_bridge.py, console/call_line.py, console/tracking_runtime.py, the recorder's camera links
# in video/recorder/engine.py and the alarm supervision's in core/alarm_plan.py). Addresses,
# codes, numbers and what the OS, a library or a peer said (errno texts, SIP reasons, LLRP
# status names) go through as they are: a wrong guess at those would hide the real message.
# Every text is a literal for pyside6-lupdate, so each rule calls translate itself.

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _rule(pattern: str, render: Callable[[re.Match[str]], str]) -> _Rule:
    # DOTALL: a foreign message in a group may hold any character (clean_line leaves no
    # newline, but a detail from an older console might).
    return re.compile(pattern, re.DOTALL), render


def _part(text: str) -> str:
    """`text` translated when the console wrote it, else as it is (an OS or peer message)."""
    found = _known(text)
    return text if found is None else found


# Whole texts, by what the adapter writes. The recorder and the alarm supervision write
# Chinese (the site's language): those map to an English source whose Chinese translation is
# the very same text, so an English console reads them in English and a Chinese one unchanged.
_EXACT: dict[str, Callable[[], str]] = {
    # tracking_runtime: a simulated reader has no link to lose.
    "simulated": lambda: QCoreApplication.translate("DeviceDetail", "simulated"),
    # hardware/sip/sim.py
    "simulated line": lambda: QCoreApplication.translate("DeviceDetail", "simulated line"),
    # LinkRunner before its thread ran; a JT/T 808 terminal not yet seen.
    "not started": lambda: QCoreApplication.translate("DeviceDetail", "not started"),
    "never connected": lambda: QCoreApplication.translate("DeviceDetail", "never connected"),
    # Every adapter's last word after an orderly stop (also after "{address}: ").
    "stopped": lambda: QCoreApplication.translate("DeviceDetail", "stopped"),
    # Why a link or connection ended (after "{address}: " or "link lost: ").
    "closed": lambda: QCoreApplication.translate("DeviceDetail", "closed"),
    "peer closed": lambda: QCoreApplication.translate("DeviceDetail", "peer closed"),
    "connection closed": lambda: QCoreApplication.translate("DeviceDetail", "connection closed"),
    "logged out": lambda: QCoreApplication.translate("DeviceDetail", "logged out"),
    # LLRP: the session's steps and ends, and its own connect errors (OSError strerror).
    "connected, setting up": lambda: QCoreApplication.translate(
        "DeviceDetail", "connected, setting up"
    ),
    "reading": lambda: QCoreApplication.translate("DeviceDetail", "reading"),
    "the reader closed the connection": lambda: QCoreApplication.translate(
        "DeviceDetail", "the reader closed the connection"
    ),
    "the reader is closing the connection": lambda: QCoreApplication.translate(
        "DeviceDetail", "the reader is closing the connection"
    ),
    "stopped while connecting": lambda: QCoreApplication.translate(
        "DeviceDetail", "stopped while connecting"
    ),
    "connect timed out": lambda: QCoreApplication.translate("DeviceDetail", "connect timed out"),
    "no LLRPStatus in the response": lambda: QCoreApplication.translate(
        "DeviceDetail", "no LLRPStatus in the response"
    ),
    # pjsua's _pj_reason: its readings of pjlib's errors.
    "address in use": lambda: QCoreApplication.translate("DeviceDetail", "address in use"),
    "address not available on this machine": lambda: QCoreApplication.translate(
        "DeviceDetail", "address not available on this machine"
    ),
    "permission denied (a port below 1024?)": lambda: QCoreApplication.translate(
        "DeviceDetail", "permission denied (a port below 1024?)"
    ),
    # DC-09: a port that was never opened.
    "not open": lambda: QCoreApplication.translate("DeviceDetail", "not open"),
    # The SIP line's registration and headset.
    "direct line": lambda: QCoreApplication.translate("DeviceDetail", "direct line"),
    "no headset": lambda: QCoreApplication.translate("DeviceDetail", "no headset"),
    "no headset (audio off)": lambda: QCoreApplication.translate(
        "DeviceDetail", "no headset (audio off)"
    ),
    LINE_OFF_FOR_RUN: lambda: QCoreApplication.translate(
        "DeviceDetail", "the phone line is off for this run"
    ),
    # video/recorder/engine.py: a camera's link as the recorder sees it.
    "录像中": lambda: QCoreApplication.translate("DeviceDetail", "recording"),
    "用户名或密码错误": lambda: QCoreApplication.translate(
        "DeviceDetail", "wrong user name or password"
    ),
    "无法连接": lambda: QCoreApplication.translate("DeviceDetail", "cannot connect"),
    # core/alarm_plan.py: a supervised panel (or panic button) that fell silent.
    "未收到链路测试": lambda: QCoreApplication.translate("DeviceDetail", "no link test received"),
}

# Patterns, tried in order on the whole text and on each part a rule hands to `_part`; the
# last ones are the most general.
_RULES: list[_Rule] = [
    # console/call_line.py: the line could not even be built.
    _rule(
        re.escape(LINE_NOT_STARTED) + r"(?P<error>.*)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "cannot start the SIP line: {error}"
        ).format(error=m["error"]),
    ),
    # pjsua: the stack failed to start, or its loop failed.
    _rule(
        r"cannot start the SIP stack: (?P<reason>.*)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "cannot start the SIP stack: {reason}"
        ).format(reason=_part(m["reason"])),
    ),
    _rule(
        r"stopped after an error: (?P<error>.*)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "stopped after an error: {error}"
        ).format(error=m["error"]),
    ),
    # pjsua: the registration part of the line's detail (`who` is user@domain).
    _rule(
        r"registering as (?P<who>.+)",
        lambda m: QCoreApplication.translate("DeviceDetail", "registering as {who}").format(
            who=m["who"]
        ),
    ),
    _rule(
        r"registered as (?P<who>.+)",
        lambda m: QCoreApplication.translate("DeviceDetail", "registered as {who}").format(
            who=m["who"]
        ),
    ),
    # The reason is the registrar's status code and phrase: kept.
    _rule(
        r"not registered as (?P<who>.+?): (?P<reason>.*)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "not registered as {who}: {reason}"
        ).format(who=m["who"], reason=m["reason"]),
    ),
    # hardware/sip/audio_bridge.py: why the headset cannot be used.
    _rule(
        r"no headset: (?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "no headset: {error}").format(
            error=_part(m["error"])
        ),
    ),
    _rule(
        r"no device named (?P<device>.+)",
        lambda m: QCoreApplication.translate("DeviceDetail", "no device named {device}").format(
            device=m["device"]
        ),
    ),
    _rule(
        r"(?P<device>.+) is not both an input and an output",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "{device} is not both an input and an output"
        ).format(device=m["device"]),
    ),
    # Servers (JT/T 808, DC-09) and the SIP line: a transport listening at an address, or not.
    _rule(
        r"(?P<transport>udp|tcp|tls) (?P<address>\S+) failed: (?P<error>.*)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "{transport} {address} failed: {error}"
        ).format(transport=m["transport"], address=m["address"], error=_part(m["error"])),
    ),
    _rule(
        r"(?P<transport>udp|tcp|tls) (?P<address>\S+)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "{transport} {address}", "listening at the address"
        ).format(transport=m["transport"], address=m["address"]),
    ),
    # pjsua: the SIP transport could not be opened (the reason is pjlib's, or one it reads).
    _rule(
        r"(?P<transport>udp|tcp|tls) (?P<address>\S+): (?P<reason>.+)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "{transport} {address}: {reason}", "the SIP transport did not open"
        ).format(transport=m["transport"], address=m["address"], reason=_part(m["reason"])),
    ),
    # LinkRunner: the link is open.
    _rule(
        r"(?P<address>(?!not\s)\S+) connected",
        lambda m: QCoreApplication.translate("DeviceDetail", "{address} connected").format(
            address=m["address"]
        ),
    ),
    # JT/T 808: a terminal authenticated from this peer.
    _rule(
        r"(?P<peer>\S+) authenticated",
        lambda m: QCoreApplication.translate("DeviceDetail", "{peer} authenticated").format(
            peer=m["peer"]
        ),
    ),
    # LinkRunner (open_link): why a port or connection could not be opened; the error is the
    # OS's or pyserial's.
    _rule(
        r"cannot connect: (?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "cannot connect: {error}").format(
            error=_part(m["error"])
        ),
    ),
    # The recorder's "cannot connect" in Chinese, with its reason.
    _rule(
        r"无法连接：(?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "cannot connect: {error}").format(
            error=_part(m["error"])
        ),
    ),
    _rule(
        r"cannot open: (?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "cannot open: {error}").format(
            error=m["error"]
        ),
    ),
    # LinkRunner: a link that was open and was lost; the reason may be the code's own.
    _rule(
        r"link lost: (?P<reason>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "link lost: {reason}").format(
            reason=_part(m["reason"])
        ),
    ),
    _rule(
        r"write failed: (?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "write failed: {error}").format(
            error=m["error"]
        ),
    ),
    _rule(
        r"send failed: (?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "send failed: {error}").format(
            error=m["error"]
        ),
    ),
    _rule(
        r"read failed: (?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "read failed: {error}").format(
            error=m["error"]
        ),
    ),
    # A bug in handling frames: the exception's repr is kept.
    _rule(
        r"internal error: (?P<error>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "internal error: {error}").format(
            error=m["error"]
        ),
    ),
    # Silences: LinkRunner's silence_timeout, a server's idle connection, the LLRP keepalive,
    # a camera that did not answer (video/recorder/camera.py).
    _rule(
        r"silent for (?P<seconds>\S+) s",
        lambda m: QCoreApplication.translate("DeviceDetail", "silent for {seconds} s").format(
            seconds=m["seconds"]
        ),
    ),
    _rule(
        r"no keepalive for (?P<seconds>\S+) s",
        lambda m: QCoreApplication.translate("DeviceDetail", "no keepalive for {seconds} s").format(
            seconds=m["seconds"]
        ),
    ),
    _rule(
        r"no answer within (?P<seconds>\S+) s",
        lambda m: QCoreApplication.translate("DeviceDetail", "no answer within {seconds} s").format(
            seconds=m["seconds"]
        ),
    ),
    # LLRP: the reader's first message, or a request (a message name, kept), not in time.
    _rule(
        r"no answer to the connection event within (?P<seconds>\S+) s",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "no answer to the connection event within {seconds} s"
        ).format(seconds=m["seconds"]),
    ),
    _rule(
        r"no answer to (?P<request>.+) within (?P<seconds>\S+) s",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "no answer to {request} within {seconds} s"
        ).format(request=m["request"], seconds=m["seconds"]),
    ),
    # LLRP: the stream could not be cut into messages.
    _rule(
        r"stream broken \((?P<problem>.*)\), reconnecting",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "stream broken ({problem}), reconnecting"
        ).format(problem=_part(m["problem"])),
    ),
    _rule(
        r"reserved header bits set \((?P<bits>0x[0-9a-fA-F]+)\)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "reserved header bits set ({bits})"
        ).format(bits=m["bits"]),
    ),
    _rule(
        r"unknown LLRP version (?P<version>\d+)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "unknown LLRP version {version}"
        ).format(version=m["version"]),
    ),
    _rule(
        r"unknown message type (?P<type>\d+)",
        lambda m: QCoreApplication.translate("DeviceDetail", "unknown message type {type}").format(
            type=m["type"]
        ),
    ),
    _rule(
        r"message length (?P<length>\d+) outside (?P<range>\d+\.\.\d+)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "message length {length} outside {range}"
        ).format(length=m["length"], range=m["range"]),
    ),
    # LLRP: the reader refused the connection (its status name, kept) or a setup request
    # (the status is the reader's, or "no LLRPStatus in the response").
    _rule(
        r"the reader refused the connection: (?P<status>.*)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "the reader refused the connection: {status}"
        ).format(status=m["status"]),
    ),
    _rule(
        r"(?P<request>[A-Z][A-Z0-9_]*) refused: (?P<status>.*)",
        lambda m: QCoreApplication.translate("DeviceDetail", "{request} refused: {status}").format(
            request=m["request"], status=_part(m["status"])
        ),
    ),
    # hardware/netserver.py: a connection that failed (the error is the OS's).
    _rule(
        r"connection error \((?P<error>.*)\)",
        lambda m: QCoreApplication.translate("DeviceDetail", "connection error ({error})").format(
            error=m["error"]
        ),
    ),
    # open_link: an address in the site file it cannot use (the address is quoted, kept).
    _rule(
        r"cannot open (?P<address>.+): unknown scheme (?P<scheme>.+)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "cannot open {address}: unknown scheme {scheme}"
        ).format(address=m["address"], scheme=m["scheme"]),
    ),
    _rule(
        r"bad port in (?P<address>.+)",
        lambda m: QCoreApplication.translate("DeviceDetail", "bad port in {address}").format(
            address=m["address"]
        ),
    ),
    _rule(
        r"expected host:port in (?P<address>.+)",
        lambda m: QCoreApplication.translate(
            "DeviceDetail", "expected host:port in {address}"
        ).format(address=m["address"]),
    ),
    _rule(
        r"bad baud rate in (?P<address>.+)",
        lambda m: QCoreApplication.translate("DeviceDetail", "bad baud rate in {address}").format(
            address=m["address"]
        ),
    ),
    _rule(
        r"no device in (?P<address>.+)",
        lambda m: QCoreApplication.translate("DeviceDetail", "no device in {address}").format(
            address=m["address"]
        ),
    ),
    # core/alarm_plan.py (Chinese, see above): silent since a local time.
    _rule(
        r"(?P<time>\d{1,2}:\d{2}) 起未收到链路测试",
        lambda m: QCoreApplication.translate("DeviceDetail", "no link test since {time}").format(
            time=m["time"]
        ),
    ),
]

# "{address}: {reason}" (LinkRunner, LLRP, a JT/T 808 terminal's peer): translated only when
# the reason is one of the phrases above; "host: Connection refused" is the OS's and stays.
_ADDRESSED = re.compile(r"(?P<address>\S+): (?P<reason>.+)", re.DOTALL)

# The SIP line ("udp 0.0.0.0:5060, registered as 8001@pbx, no headset") and the DC-09 receiver
# ("tcp 0.0.0.0:7000, udp 0.0.0.0:7000") join parts with ", ". Split only before a part those
# adapters write, so that a comma inside a SIP reason or an OS error splits nothing.
_LISTED = re.compile(r"(?:udp|tcp|tls) \S")
_LIST_SPLIT = re.compile(
    r", (?=(?:udp|tcp|tls) \S|direct line|registering as |registered as |not registered as "
    r"|no headset)"
)


def _listed(text: str) -> str | None:
    parts = _LIST_SPLIT.split(text)
    if len(parts) < 2:
        return None
    out = _part(parts[0])
    for part in parts[1:]:
        out = QCoreApplication.translate(
            "DeviceDetail", "{earlier}, {next}", "two parts of one detail"
        ).format(earlier=out, next=_part(part))
    return out


def _known(text: str) -> str | None:
    """`text` translated if the console wrote it (a phrase or a pattern above), else None."""
    exact = _EXACT.get(text)
    if exact is not None:
        return exact()
    if _LISTED.match(text):
        listed = _listed(text)
        if listed is not None:
            return listed
    for pattern, render in _RULES:
        found = pattern.fullmatch(text)
        if found is not None:
            return render(found)
    addressed = _ADDRESSED.fullmatch(text)
    if addressed is not None:
        reason = _known(addressed["reason"])
        if reason is not None:
            return QCoreApplication.translate(
                "DeviceDetail", "{address}: {reason}", "a device address and what happened"
            ).format(address=addressed["address"], reason=reason)
    return None


def detail_text(detail: str) -> str:
    """A device's detail (device.detail) for the device pane, in the current UI language.

    The phrases the console's adapters write are translated; addresses, codes, numbers and
    messages from the OS or a peer are kept, and text it does not know is returned unchanged.
    """
    if not detail:
        return detail
    found = _known(detail)
    return detail if found is None else found
