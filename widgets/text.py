"""Showing user text as text: tooltips and message boxes never interpret it as HTML."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally.

    Qt renders a tooltip as rich text when it merely looks like HTML (there is no plain-text
    flag for tooltips), so a title such as `<img src=file:///…>` would load a local file. Text
    with a `<` or `&` is escaped and wrapped so that it reads exactly as typed, line breaks too.
    """
    if "<" not in text and "&" not in text:
        return text
    return f'<span style="white-space: pre-wrap">{html.escape(text, quote=False)}</span>'
