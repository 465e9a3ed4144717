"""`python -m bench.kiosk_step`: one kiosk step (answer → next question shown and painted) on a
30-question form at 1366×768, against baselines measured in the same run.

- step_ms: keys of the answer (digits, or the text typed) and Enter into the kiosk, through
  core.survey.Session and the controller, until the next question is built and the whole
  window repainted (median, p95, max over every step);
- paint_ms (baseline): repainting the same window with nothing changed (the floor of a step);
- navigate_ms (baseline): Session.answer alone, no GUI (the form logic's share);
- with --tts, read-aloud runs as on a station (each step cuts the running espeak-ng and starts
  the next; the speech goes to WAV files in a temporary folder).
Goal: step_ms ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit

from console.survey_kiosk import KioskController
from console.theme import apply_theme
from core.survey import Choice, Form, Kind, Question, Session
from hardware.tts import EspeakSpeaker

SAT = tuple(
    Choice(str(i), label)
    for i, label in enumerate(("非常满意", "满意", "一般", "不满意", "非常不满意"), 1)
)
SERVICES = tuple(Choice(f"s{i}", f"服务项目 {i}") for i in range(1, 7))
ROWS = tuple(Choice(f"r{i}", f"第{i}项：环境卫生与照明") for i in range(1, 5))


def form(n: int = 30) -> Form:
    """A realistic Chinese form cycling through every kind of question."""
    kinds = [
        Question("q", Kind.SINGLE, "您对社区提供的养老服务满意吗？", True, SAT),
        Question("q", Kind.RATING, "请为小区夜间照明打分", True, max=5),
        Question("q", Kind.NPS, "您有多大可能向邻居推荐社区服务中心？", True),
        Question("q", Kind.MULTIPLE, "您近一年使用过哪些服务？", True, SERVICES),
        Question("q", Kind.MATRIX, "请评价以下各项", True, rows=ROWS, columns=SAT),
        Question("q", Kind.NUMBER, "您家中共有几口人？", True, min=1, max=20),
        Question("q", Kind.TEXT, "您还有什么意见或建议？"),
        Question("q", Kind.DATE, "您何时搬入本小区？"),
    ]
    qs = []
    for i in range(n):
        q = kinds[i % len(kinds)]
        qs.append(replace(q, id=f"q{i + 1}", text=f"{i + 1}. {q.text}"))
    return Form("bench", "2026年居民满意度调查", 1, tuple(qs))


def _answer(c: KioskController) -> None:
    """Type the answer to the shown question as a person would, then Enter."""
    view = c.view.question
    q = view.question
    assert q is not None
    keys = {
        Kind.SINGLE: "2",
        Kind.RATING: "4",
        Kind.NPS: "8",
        Kind.MULTIPLE: "13",
        Kind.MATRIX: "1231",
    }.get(q.kind)
    editor = view.editor()
    if keys is not None:
        for ch in keys:
            QTest.keyClick(view, Qt.Key(Qt.Key.Key_0.value + int(ch)))
        QTest.keyClick(view, Qt.Key.Key_Return)
    elif isinstance(editor, QLineEdit):
        editor.setText("4" if q.kind is Kind.NUMBER else "希望增加休息座椅")
        QTest.keyClick(editor, Qt.Key.Key_Return)
    elif isinstance(editor, QDateEdit):
        editor.setDate(QDate(2015, 6, 1))
        QTest.keyClick(view, Qt.Key.Key_Return)


def _navigate_ms(f: Form, passes: int) -> list[float]:
    values: dict[Kind, object] = {
        Kind.SINGLE: "2",
        Kind.RATING: 4,
        Kind.NPS: 8,
        Kind.MULTIPLE: ["s1", "s3"],
        Kind.MATRIX: {"r1": "1", "r2": "2", "r3": "3", "r4": "1"},
        Kind.NUMBER: 4,
        Kind.TEXT: "希望增加休息座椅",
        Kind.DATE: dt.date(2015, 6, 1),
    }
    out = []
    for _ in range(passes):
        s = Session(f)
        while s.current is not None:
            t = time.perf_counter()
            assert s.answer(values[s.current.kind]) is None
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--passes", type=int, default=5, help="whole forms answered")
    parser.add_argument("--tts", action="store_true", help="read each question aloud (WAV)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app)
    f = form(args.questions)
    taken: list[object] = []
    with tempfile.TemporaryDirectory() as tmp:
        tts = EspeakSpeaker(wav_dir=Path(tmp)) if args.tts else None
        c = KioskController(
            "R1", f, keep_partial=False, anonymous=True, submit=taken.append, tts=tts,
            community="C01", idle_seconds=600,
        )  # fmt: skip
        c.start("482916", full_screen=False)
        c.view.resize(1366, 768)
        app.processEvents()
        steps: list[float] = []
        paints: list[float] = []
        for _ in range(args.passes):
            c.view.start_requested.emit()
            app.processEvents()
            c.view.repaint()
            while c.session is not None:
                t = time.perf_counter()
                c.view.repaint()
                paints.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                _answer(c)
                c.view.repaint()
                steps.append((time.perf_counter() - t) * 1000)
                app.processEvents()  # deferred deletes of the previous question's widgets
            c.view.done_requested.emit()
        stopped = c.close()
    assert len(taken) == args.passes, "every pass must reach the end"
    nav = _navigate_ms(f, args.passes)
    med = statistics.median(steps)
    result = {
        "questions": args.questions,
        "steps": len(steps),
        "tts": args.tts,
        "step_ms_median": round(med, 2),
        "step_ms_p95": round(statistics.quantiles(steps, n=20)[18], 2),
        "step_ms_max": round(max(steps), 2),
        "paint_ms_median": round(statistics.median(paints), 2),
        "navigate_ms_median": round(statistics.median(nav), 3),
        "step_vs_paint": round(med / statistics.median(paints), 1),
        "goal_ms": 50,
        "tts_stopped": stopped,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
