"""The handover report as PDF: Qt's own writer, an embedded CJK font, a footer on every page."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QThread,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from core.handover import HandoverReport, Names, render_html
from core.incidents import IncidentState
from widgets import labels as value_labels

# WenQuanYi Micro Hei embeds as a subset whose text copies and searches correctly; Noto CJK
# renders alike but extracts as Kangxi radicals (FIELD-NOTES, "Speech and reports").
FONT_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Sans Serif"]
DPI = 300
FONT_PT = 9


def report_labels() -> dict[str, str]:
    """The report's words in the current language (core.handover.LABELS_EN's keys)."""
    return {
        "title": QCoreApplication.translate("HandoverReport", "Shift handover report"),
        "site": QCoreApplication.translate("HandoverReport", "Site"),
        "workstation": QCoreApplication.translate("HandoverReport", "Workstation"),
        "outgoing": QCoreApplication.translate("HandoverReport", "Outgoing operator"),
        "shift": QCoreApplication.translate("HandoverReport", "Shift"),
        "open": QCoreApplication.translate("HandoverReport", "Open items"),
        "open_more": QCoreApplication.translate(
            "HandoverReport", "{n} more open items are not listed; see the queue."
        ),
        "none": QCoreApplication.translate("HandoverReport", "None."),
        "id": QCoreApplication.translate("HandoverReport", "No."),
        "priority": QCoreApplication.translate("HandoverReport", "Priority"),
        "type": QCoreApplication.translate("HandoverReport", "Type"),
        "title_col": QCoreApplication.translate("HandoverReport", "Title"),
        "state": QCoreApplication.translate("HandoverReport", "State"),
        "age": QCoreApplication.translate("HandoverReport", "Age"),
        "handler": QCoreApplication.translate("HandoverReport", "Handled by"),
        "community": QCoreApplication.translate("HandoverReport", "Community"),
        "caller": QCoreApplication.translate("HandoverReport", "Caller"),
        "sla": QCoreApplication.translate("HandoverReport", "SLA misses in this shift"),
        "clock": QCoreApplication.translate("HandoverReport", "Target"),
        "due": QCoreApplication.translate("HandoverReport", "Due"),
        "met": QCoreApplication.translate("HandoverReport", "Met"),
        "late": QCoreApplication.translate("HandoverReport", "Late by"),
        "not_met": QCoreApplication.translate("HandoverReport", "not met"),
        "acknowledge": QCoreApplication.translate("HandoverReport", "acknowledge"),
        "resolve": QCoreApplication.translate("HandoverReport", "resolve"),
        "dispatch": QCoreApplication.translate("HandoverReport", "dispatch"),
        "by_type": QCoreApplication.translate("HandoverReport", "Incidents by type"),
        "by_community": QCoreApplication.translate("HandoverReport", "Incidents by community"),
        "raised": QCoreApplication.translate("HandoverReport", "Raised in shift"),
        "still_open": QCoreApplication.translate("HandoverReport", "Open at handover"),
        "notes": QCoreApplication.translate("HandoverReport", "Notes of the outgoing operator"),
        "checkpoint": QCoreApplication.translate("HandoverReport", "Audit chain at handover"),
        "head": QCoreApplication.translate("HandoverReport", "Chain head hash"),
        "rows": QCoreApplication.translate("HandoverReport", "Rows"),
        "signed_file": QCoreApplication.translate("HandoverReport", "Signed checkpoint file"),
        "signature": QCoreApplication.translate("HandoverReport", "Signature"),
        "key_id": QCoreApplication.translate("HandoverReport", "Signing key"),
        "no_key": QCoreApplication.translate(
            "HandoverReport", "Not signed: this workstation holds no audit signing key."
        ),
        "ack": QCoreApplication.translate(
            "HandoverReport", "Acknowledged by the incoming operator: name, time, signature"
        ),
    }


def state_names() -> dict[IncidentState, str]:
    """Incident states in the current language."""
    return {s: value_labels.incident_state(s) for s in IncidentState}


@dataclass(frozen=True, slots=True)
class Footer:
    """Who made the PDF and when; printed at the foot of every page with the page number."""

    who: str  # display name and user name
    when: str  # local time
    workstation: str
    template: str  # "{who} · {when} · {ws} · page {page}/{pages} · {notice}", translated
    notice: str

    def line(self, page: int, pages: int) -> str:
        """The footer of one page."""
        return self.template.format(
            who=self.who,
            when=self.when,
            ws=self.workstation,
            page=page,
            pages=pages,
            notice=self.notice,
        )


def footer_for(report: HandoverReport, when: str) -> Footer:
    """The footer in the current language (call on the GUI thread, where translators live)."""
    return Footer(
        who=f"{report.outgoing} ({report.outgoing_username})",
        when=when,
        workstation=report.workstation,
        template=QCoreApplication.translate(
            "HandoverReport", "{who} · {when} · {ws} · page {page}/{pages} · {notice}"
        ),
        notice=QCoreApplication.translate(
            "HandoverReport", "Contains personal information — handle per policy"
        ),
    )


def text_font(point: float = FONT_PT, families: Sequence[str] = FONT_FAMILIES) -> QFont:
    """The reports' font (a CJK font that embeds and extracts well) at `point` size."""
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(point)
    return font


def page_layout(
    size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
    margins_mm: tuple[float, float, float, float] = (15, 15, 15, 12),
) -> QPageLayout:
    """A portrait page with margins (left, top, right, bottom) in millimetres."""
    return QPageLayout(
        QPageSize(size),
        QPageLayout.Orientation.Portrait,
        QMarginsF(*margins_mm),
        QPageLayout.Unit.Millimeter,
    )


def thread_event_loop() -> QEventLoop | None:
    """An event loop object for a thread Qt did not start, None on the GUI thread: the text
    layout starts timers, and such a thread has no event dispatcher until one exists (else Qt
    warns on every timer). Keep it alive while drawing."""
    app = QCoreApplication.instance()
    gui = app.thread() if app is not None else None
    return QEventLoop() if QThread.currentThread() is not gui else None


def _font() -> QFont:
    return text_font()


def build_document(
    report: HandoverReport,
    labels: Mapping[str, str],
    states: Mapping[IncidentState, str],
) -> QTextDocument:
    """The report as a QTextDocument (the PDF's body, and the picture of it in tests)."""
    doc = QTextDocument()
    doc.setDefaultFont(_font())
    # Nothing is fetched for an <img> or a link: the HTML holds escaped user text only.
    doc.setDefaultStyleSheet(
        # No bold: the CJK font has no bold face, and Qt's synthetic bold draws each glyph
        # twice, which a PDF reader then extracts twice.
        "h1 { font-size: 16pt; font-weight: normal; }"
        " h2 { font-size: 11pt; font-weight: normal; color: #1a3d7c; margin-top: 10px; }"
        " th { background-color: #e0e0e0; font-weight: normal; } td, th { font-size: 8pt; }"
        " b { font-weight: normal; color: #444444; }"
    )
    names = Names(
        states=states,
        types=dict(report.type_names),
        communities=dict(report.community_names),
    )
    doc.setHtml(render_html(report, labels, names))
    return doc


def _layout() -> QPageLayout:
    return page_layout()


class _Pages:
    """The document laid out for a paint device: pages of the body and room for the footer."""

    def __init__(self, doc: QTextDocument, device: QPaintDevice, dpi: int, footer: Footer):
        self.doc, self.footer = doc, footer
        # Laid out at the device's resolution: point sizes become the right number of pixels.
        doc.documentLayout().setPaintDevice(device)
        area = _layout().paintRectPixels(dpi)
        self.font = _font()
        self.font.setPointSizeF(7)
        self.foot_h = QFontMetricsF(self.font, device).height() * 3.2  # a rule and two lines
        self.width, self.height = float(area.width()), float(area.height()) - self.foot_h
        self.margin = area.topLeft()
        doc.setPageSize(QSizeF(self.width, self.height))
        self.count = doc.pageCount()

    def paint(self, painter: QPainter, i: int) -> None:
        """Page `i` (from 0) at the painter's origin: its slice of the body, then the footer."""
        w, h, fh = self.width, self.height, self.foot_h
        painter.save()
        painter.translate(0, -i * h)
        self.doc.drawContents(painter, QRectF(0, i * h, w, h))
        painter.restore()
        painter.setFont(self.font)
        rule = int(h + fh * 0.15)
        painter.drawLine(0, rule, int(w), rule)
        painter.drawText(
            QRectF(0, h + fh * 0.25, w, fh * 0.75),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            | int(Qt.TextFlag.TextWordWrap),
            self.footer.line(i + 1, self.count),
        )


def document_pdf(doc: QTextDocument, title: str, footer: Footer) -> bytes:
    """`doc` as PDF bytes: A4, the body paginated by Qt (table headers repeat), a footer per
    page. Uses no QWidget: runs on any thread once a QGuiApplication exists."""
    loop = thread_event_loop()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(_layout())
    writer.setTitle(title)
    writer.setCreator("Street Command Console")
    pages = _Pages(doc, writer, DPI, footer)
    painter = QPainter(writer)
    try:
        for i in range(pages.count):
            if i:
                writer.newPage()
            pages.paint(painter, i)
    finally:
        painter.end()
    buffer.close()
    del loop
    return bytes(data.data())


def render_pdf(
    report: HandoverReport,
    labels: Mapping[str, str],
    states: Mapping[IncidentState, str],
    footer: Footer,
) -> bytes:
    """The handover report as PDF bytes (document_pdf)."""
    doc = build_document(report, labels, states)
    return document_pdf(doc, labels.get("title", "Shift handover report"), footer)


def render_page_image(
    report: HandoverReport,
    labels: Mapping[str, str],
    states: Mapping[IncidentState, str],
    footer: Footer,
    page: int = 0,
    dpi: int = 110,
) -> QImage:
    """One page as a picture (the PDF's look, for review and tests; QtPdf is not installed)."""
    size = _layout().fullRectPixels(dpi)
    image = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(Qt.GlobalColor.white)
    doc = build_document(report, labels, states)
    pages = _Pages(doc, image, dpi, footer)
    painter = QPainter(image)
    try:
        painter.translate(pages.margin.x(), pages.margin.y())
        pages.paint(painter, min(page, pages.count - 1))
    finally:
        painter.end()
    return image


class ChildRenderer:
    """Renders the PDF in a child process, so that the GUI thread never waits for it.

    Measured (bench/handover.py): on a worker thread the GUI thread still stalled ~170 ms for
    a 150-item report, because PySide6 keeps the GIL through Qt's text layout and painting.
    The child costs ~0.5 s more in all and nothing on the GUI thread. `stop()` kills a
    running child (the console's shutdown); a frozen build renders in the calling thread.
    """

    def __init__(self, timeout_s: float = 60.0):
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._stopped = False

    def __call__(
        self,
        report: HandoverReport,
        labels: Mapping[str, str],
        states: Mapping[IncidentState, str],
        footer: Footer,
    ) -> bytes:
        """The PDF bytes (any thread; one child per call)."""
        if getattr(sys, "frozen", False):
            return render_pdf(report, labels, states, footer)
        payload = pickle.dumps((report, dict(labels), dict(states), footer))
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        with self._lock:
            if self._stopped:
                raise RuntimeError("the console is closing: no report is rendered")
            child = self._child = subprocess.Popen(
                [sys.executable, "-m", "console.handover_pdf"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        try:
            out, err = child.communicate(payload, timeout=self.timeout_s)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise RuntimeError(f"the PDF was not made within {self.timeout_s:.0f} s") from None
        finally:
            with self._lock:
                self._child = None
        if child.returncode != 0 or not out.startswith(b"%PDF"):
            tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise RuntimeError(f"the PDF renderer failed ({child.returncode}): {tail[0]}")
        return out

    def stop(self) -> None:
        """No new child; a running one is killed (its caller gets an error)."""
        with self._lock:
            self._stopped = True
            if self._child is not None:
                self._child.kill()


def _child_main() -> None:
    """The child: a report from the parent (pickled, on stdin), the PDF on stdout."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    report, labels, states, footer = pickle.loads(sys.stdin.buffer.read())  # from our parent
    sys.stdout.buffer.write(render_pdf(report, labels, states, footer))
    sys.stdout.buffer.flush()
    del app


if __name__ == "__main__":
    _child_main()
