"""The video wall as plain data: layouts, selection navigation, saved views, tours, assignment."""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class WallError(ValueError):
    """A layout, view or tour that cannot be (unknown layout, too many tiles, bad period)."""


@dataclass(frozen=True, slots=True)
class TileRect:
    """One tile in grid units: column, row, and how many columns and rows it spans."""

    col: int
    row: int
    cols: int = 1
    rows: int = 1

    @property
    def right(self) -> int:
        """The first column after the tile."""
        return self.col + self.cols

    @property
    def bottom(self) -> int:
        """The first row after the tile."""
        return self.row + self.rows

    @property
    def centre(self) -> tuple[float, float]:
        """The tile's centre in grid units."""
        return (self.col + self.cols / 2, self.row + self.rows / 2)


@dataclass(frozen=True, slots=True)
class WallLayout:
    """A named arrangement of tiles on a grid of `columns` x `rows` cells, in reading order."""

    key: str
    columns: int
    rows: int
    tiles: tuple[TileRect, ...]

    @property
    def size(self) -> int:
        """How many tiles (cameras) the layout shows."""
        return len(self.tiles)


def _grid(key: str, n: int) -> WallLayout:
    return WallLayout(key, n, n, tuple(TileRect(c, r) for r in range(n) for c in range(n)))


def _big_plus(key: str, n: int) -> WallLayout:
    """One big tile of (n-1)x(n-1) cells in the top left of an n x n grid, small ones around it."""
    big = n - 1
    small = [TileRect(big, r) for r in range(big)] + [TileRect(c, big) for c in range(n)]
    return WallLayout(key, n, n, (TileRect(0, 0, big, big), *small))


# Offered in this order (the toolbar's order); sizes 1, 4, 9, 16, 25, 6, 8.
LAYOUTS: dict[str, WallLayout] = {
    "1": _grid("1", 1),
    "2x2": _grid("2x2", 2),
    "3x3": _grid("3x3", 3),
    "4x4": _grid("4x4", 4),
    "5x5": _grid("5x5", 5),
    "1+5": _big_plus("1+5", 3),
    "1+7": _big_plus("1+7", 4),
}
DEFAULT_LAYOUT = "2x2"
MAX_TILES = max(lay.size for lay in LAYOUTS.values())


def layout(key: str) -> WallLayout:
    """The layout called `key`; WallError names the known ones otherwise."""
    try:
        return LAYOUTS[key]
    except KeyError:
        raise WallError(
            f"unknown wall layout {key!r}; choose one of {', '.join(LAYOUTS)}"
        ) from None


class Direction(enum.Enum):
    """An arrow key's direction as a unit step in grid units (x right, y down)."""

    LEFT = (-1, 0)
    RIGHT = (1, 0)
    UP = (0, -1)
    DOWN = (0, 1)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def neighbour(lay: WallLayout, index: int, direction: Direction) -> int:
    """The tile an arrow key moves the selection to, or `index` itself at the layout's edge.

    Candidates lie wholly beyond the current tile's edge in that direction. Tiles that share a
    stretch of that edge (they overlap it sideways) come first, then the nearest along the axis,
    then the one whose centre is sideways closest, then reading order, so a move out of the big
    tile of "1+5" lands on the top or left small tile and every tile stays reachable.
    """
    if not 0 <= index < lay.size:
        raise WallError(f"tile {index} is not in layout {lay.key!r} ({lay.size} tiles)")
    cur = lay.tiles[index]
    dx, dy = direction.value
    cx, cy = cur.centre
    best: tuple[int, float, float, int] | None = None
    for i, t in enumerate(lay.tiles):
        if i == index:
            continue
        if dx > 0 and t.col >= cur.right:
            gap: float = t.col - cur.right
            side = _overlap(cur.row, cur.bottom, t.row, t.bottom)
            off = abs(t.centre[1] - cy)
        elif dx < 0 and t.right <= cur.col:
            gap = cur.col - t.right
            side = _overlap(cur.row, cur.bottom, t.row, t.bottom)
            off = abs(t.centre[1] - cy)
        elif dy > 0 and t.row >= cur.bottom:
            gap = t.row - cur.bottom
            side = _overlap(cur.col, cur.right, t.col, t.right)
            off = abs(t.centre[0] - cx)
        elif dy < 0 and t.bottom <= cur.row:
            gap = cur.row - t.bottom
            side = _overlap(cur.col, cur.right, t.col, t.right)
            off = abs(t.centre[0] - cx)
        else:
            continue
        key = (0 if side > 0 else 1, gap, off, i)
        if best is None or key < best:
            best = key
    return index if best is None else best[3]


def tile_at(lay: WallLayout, x: float, y: float) -> int | None:
    """The tile containing a point given in grid units, if any."""
    for i, t in enumerate(lay.tiles):
        if t.col <= x < t.right and t.row <= y < t.bottom:
            return i
    return None


def _tiles_of(lay: WallLayout, tiles: Iterable[str | None]) -> tuple[str | None, ...]:
    """Camera codes padded with empty tiles to the layout's size; too many is an error."""
    out: list[str | None] = []
    for code in tiles:
        if code is not None and (not isinstance(code, str) or not code.strip()):
            raise WallError(f"a tile's camera must be a camera code or empty, not {code!r}")
        out.append(code.strip() if code is not None else None)
    if len(out) > lay.size:
        raise WallError(f"layout {lay.key!r} has {lay.size} tiles, but {len(out)} were given")
    return tuple(out) + (None,) * (lay.size - len(out))


VIEW_NAME_MAX = 60
VIEW_FORMAT = 1  # the to_dict() version; from_dict() refuses others


@dataclass(frozen=True, slots=True)
class WallView:
    """A named wall: its layout and which camera each tile shows (None: empty tile).

    `tiles` always has exactly the layout's size (shorter input is padded with empty tiles).
    `owner` is the user who saved it; a `shared` view is offered to every operator.
    """

    name: str
    layout: str = DEFAULT_LAYOUT
    tiles: tuple[str | None, ...] = ()
    owner: str | None = None
    shared: bool = False

    def __post_init__(self) -> None:
        name = self.name.strip() if isinstance(self.name, str) else ""
        if not name:
            raise WallError("a saved wall view needs a name")
        if len(name) > VIEW_NAME_MAX:
            raise WallError(f"a wall view's name is at most {VIEW_NAME_MAX} characters")
        lay = layout(self.layout)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "tiles", _tiles_of(lay, self.tiles))

    @property
    def cameras(self) -> tuple[str, ...]:
        """The cameras shown, in tile order, without the empty tiles."""
        return tuple(c for c in self.tiles if c is not None)

    def with_camera(self, tile: int, code: str | None) -> WallView:
        """The view with one tile showing `code` (None empties it)."""
        if not 0 <= tile < len(self.tiles):
            raise WallError(f"tile {tile} is not in layout {self.layout!r}")
        tiles = list(self.tiles)
        tiles[tile] = code
        return WallView(self.name, self.layout, tuple(tiles), self.owner, self.shared)

    def with_layout(self, key: str) -> WallView:
        """The view in another layout, keeping the cameras in order.

        Cameras beyond the new layout's size are dropped; empty tiles are squeezed out only when
        that is needed to keep every camera.
        """
        size = layout(key).size
        tiles: Sequence[str | None] = self.tiles
        if len(tiles) > size:
            tiles = tiles[:size] if not any(tiles[size:]) else self.cameras[:size]
        return WallView(self.name, key, tuple(tiles), self.owner, self.shared)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (for the database or a file)."""
        return {
            "format": VIEW_FORMAT,
            "name": self.name,
            "layout": self.layout,
            "tiles": list(self.tiles),
            "owner": self.owner,
            "shared": self.shared,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WallView:
        """Read what to_dict() wrote; WallError says what is wrong with anything else."""
        if not isinstance(data, Mapping):
            raise WallError("a saved wall view must be an object")
        fmt = data.get("format", VIEW_FORMAT)
        if fmt != VIEW_FORMAT:
            raise WallError(f"unknown wall view format {fmt!r} (this version reads {VIEW_FORMAT})")
        name, key, tiles = data.get("name"), data.get("layout"), data.get("tiles", [])
        owner, shared = data.get("owner"), data.get("shared", False)
        if not isinstance(name, str):
            raise WallError("a saved wall view needs a name")
        if not isinstance(key, str):
            raise WallError(f"wall view {name!r} has no layout")
        if not isinstance(tiles, list):
            raise WallError(f"wall view {name!r}: tiles must be a list")
        if owner is not None and not isinstance(owner, str):
            raise WallError(f"wall view {name!r}: owner must be a user name")
        if not isinstance(shared, bool):
            raise WallError(f"wall view {name!r}: shared must be true or false")
        try:
            return cls(name, key, tuple(tiles), owner, shared)
        except WallError as e:
            raise WallError(f"wall view {name!r}: {e}") from None


TOUR_MIN_PERIOD_S = 3.0  # a stream needs ~1 s to show its first frame: shorter is a slideshow
TOUR_MAX_PERIOD_S = 3600.0


@dataclass(frozen=True, slots=True)
class Tour:
    """Cycle cameras (a list or a community's cameras) through the wall every `period_s`.

    Step k shows the k-th page of cameras: as many as the layout has tiles, the last page
    padded with empty tiles; after the last page it starts again.
    """

    cameras: tuple[str, ...]
    period_s: float = 10.0
    group: str | None = None  # the community code the cameras came from, if any

    def __post_init__(self) -> None:
        cams = tuple(dict.fromkeys(c for c in self.cameras if c))
        if not cams:
            raise WallError("a tour needs at least one camera")
        if not TOUR_MIN_PERIOD_S <= self.period_s <= TOUR_MAX_PERIOD_S:
            raise WallError(
                f"a tour's period is {TOUR_MIN_PERIOD_S:g} to {TOUR_MAX_PERIOD_S:g} s, "
                f"not {self.period_s:g}"
            )
        object.__setattr__(self, "cameras", cams)

    def steps(self, key: str) -> int:
        """How many steps a full cycle takes in this layout."""
        return math.ceil(len(self.cameras) / layout(key).size)

    def tiles_at(self, step: int, key: str) -> tuple[str | None, ...]:
        """Which camera each tile of the layout shows at tour step `step` (any int)."""
        size = layout(key).size
        page = step % self.steps(key)
        return _tiles_of(LAYOUTS[key], self.cameras[page * size : (page + 1) * size])

    def step_at(self, elapsed_s: float) -> int:
        """The step to show `elapsed_s` seconds after the tour started."""
        return int(max(0.0, elapsed_s) // self.period_s)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Cameras put on the wall: the layout chosen, each tile's camera, and who did not fit."""

    layout: str
    tiles: tuple[str | None, ...]
    left_out: tuple[str, ...] = field(default=())


def smallest_layout(count: int) -> str:
    """The layout with the fewest tiles that shows `count` cameras (the largest if none does)."""
    fitting = [lay for lay in LAYOUTS.values() if lay.size >= count]
    if not fitting:
        return max(LAYOUTS.values(), key=lambda lay: lay.size).key
    return min(fitting, key=lambda lay: lay.size).key


def assign(cameras: Sequence[str], key: str | None = None) -> Assignment:
    """Put cameras (e.g. an incident's nearest, nearest first) on the first tiles.

    Without `key` the smallest layout that fits is chosen, so the nearest camera gets the big
    tile of "1+5" or "1+7" when that is the fit. Duplicates are shown once; cameras beyond the
    layout's size are returned in `left_out` (the caller says so; nothing is hidden silently).
    """
    cams = tuple(dict.fromkeys(c for c in cameras if c))
    chosen = key if key is not None else smallest_layout(len(cams))
    size = layout(chosen).size
    return Assignment(chosen, _tiles_of(LAYOUTS[chosen], cams[:size]), cams[size:])


class CameraEntry(NamedTuple):
    """A camera as the tree and the wall show it (plain data from the site or database)."""

    code: str
    name: str
    community: str  # community code
    community_name: str
    has_ptz: bool = False
