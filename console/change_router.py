"""Routes each batch of changes to the presenters that watch the changed tables."""

from __future__ import annotations

from collections.abc import Sequence

from console.presenters.base import Presenter
from core.events import ChangesAvailable


class ChangeRouter:
    """A table → presenters map built once from the presenters' `watches`."""

    def __init__(self, presenters: Sequence[Presenter]):
        self.presenters = list(presenters)
        self._routes: dict[str, list[Presenter]] = {}
        for p in self.presenters:
            for table in p.watches:
                self._routes.setdefault(table, []).append(p)

    def route(self, changes: ChangesAvailable) -> None:
        """Hand the batch to each presenter watching any of its tables, once (GUI thread)."""
        told: set[int] = set()
        for table in sorted(changes.tables):
            for p in self._routes.get(table, ()):
                if id(p) not in told:
                    told.add(id(p))
                    p.on_changes(changes)

    def reload_all(self) -> None:
        """Every presenter re-reads what it shows (F5, the database is back)."""
        for p in self.presenters:
            p.reload()
