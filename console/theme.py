"""The dark control-room theme (QSS in resources/qss)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from console.paths import resources_dir


def apply_theme(app: QApplication) -> None:
    """Load the style sheet and a font that carries Chinese."""
    app.setStyle("Fusion")
    font = QFont()
    # Chinese UI first: these families carry CJK glyphs on Windows and Debian respectively.
    font.setFamilies(["Microsoft YaHei UI", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Sans"])
    font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet((resources_dir() / "qss" / "dark.qss").read_text(encoding="utf-8"))
