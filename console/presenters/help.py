"""Help: the keyboard shortcut list (F1) and About."""

from __future__ import annotations

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec


class HelpPresenter(Presenter):
    """Lists every shortcut the window has, so a contributed action is listed by itself."""

    name = "help"

    def __init__(self, ctx: PresenterContext, site_name: str):
        super().__init__(ctx)
        self.site_name = site_name
        ctx.window.add_action(
            ActionSpec("shortcuts", lambda: self.tr("Keyboard shortcuts"), "help", "F1"),
            self.show_shortcuts,
        )
        ctx.window.add_action(ActionSpec("about", lambda: self.tr("About"), "help"), self.about)

    def shortcut_text(self) -> str:
        """One line per shortcut, keys aligned."""
        rows = [*self.ctx.window.shortcut_rows(), ("Enter", self.tr("Open the selected incident"))]
        return "\n".join(f"{k:<10} {t}" for k, t in sorted(rows))

    def show_shortcuts(self) -> None:
        """F1."""
        self.ctx.dialogs.inform(self.tr("Keyboard shortcuts"), self.shortcut_text(), monospace=True)

    def about(self) -> None:
        """Help → About."""
        self.ctx.dialogs.inform(
            self.tr("About"),
            self.tr("Street Command Console\nCommand system of {site}").format(site=self.site_name),
        )
