"""The day's delivery board with 2,000 orders: read, fill and first paint (goal ≤ 200 ms).

`python -m bench.delivery_board`: a throw-away demo site with 2,000 more orders today, on
SQLite and on PostgreSQL as the workstation role (row security on);
times (median of 7 warm runs) of the service's board read for a street-wide supervisor and a
station, the widget filled from rows on a fresh board, and the two together with the first
paint, which is what an operator waits for when the tab opens; a filter change too.
"""

from __future__ import annotations

import json
import os
import sys

from bench.timing import median_ms

GOAL_MS = 200.0
ORDERS = 2000


def main() -> dict[str, float]:
    result: dict[str, float] = {}
    for backend in ("sqlite", "postgresql"):
        for key, value in measure(backend).items():
            result[f"{backend}.{key}"] = value
    print(json.dumps(result))
    return result


def measure(backend: str) -> dict[str, float]:
    """The board's figures on one backend."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bench.orders_site import orders_site
    from core.orders import BoardFilter

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from widgets.delivery_board import DeliveryBoard

    with orders_site(population=3000, board_orders=ORDERS, backend=backend) as (_db, svc, today):
        sup = svc.signin.principal("supervisor")
        ws = svc.signin.principal("ws01")
        rows = svc.orders.board(sup, today)
        station_rows = svc.orders.board(ws, today)
        read_ms = median_ms(lambda: svc.orders.board(sup, today))
        station_ms = median_ms(lambda: svc.orders.board(ws, today))

        def fill() -> None:
            board = DeliveryBoard()
            board.resize(1400, 800)
            board.set_rows(rows)
            board.deleteLater()

        fill_ms = median_ms(fill)

        def open_board() -> None:
            board = DeliveryBoard()
            board.resize(1400, 800)
            board.set_day(today)
            board.set_rows(svc.orders.board(sup, today))
            board.show()
            board.repaint()  # the first paint of the visible rows
            app.processEvents()
            board.close()
            board.deleteLater()

        open_ms = median_ms(open_board)
        shown = DeliveryBoard()
        shown.resize(1400, 800)
        shown.set_rows(rows)
        shown.show()
        app.processEvents()
        flip = iter(["en_route", "", "failed", ""] * 10)

        def refilter() -> None:
            shown.proxy.set_filter(BoardFilter(status=next(flip)))
            shown.repaint()

        filter_ms = median_ms(refilter)
        shown.close()
        result = {
            "orders_on_board": float(len(rows)),
            "station_rows": float(len(station_rows)),
            "read_street_ms": round(read_ms, 1),
            "read_station_ms": round(station_ms, 1),
            "fill_widget_ms": round(fill_ms, 1),
            "open_total_ms": round(open_ms, 1),
            "filter_change_ms": round(filter_ms, 1),
            "goal_ms": GOAL_MS,
        }
    return result


if __name__ == "__main__":
    main()
