"""Order entry for a known resident: keystrokes and time for an operator (goal < 30 s).

`python -m bench.order_entry`: on a throw-away demo site, the real OrderEntryWidget and the real
OrderService place the usual basket for residents who have ordered before, driven by key events
exactly as an operator would type them after the name: Enter (first match), Alt+B (usual basket),
Enter (window), Enter (familiar deliverer, submit). The machine's part is measured (search, the
resident's ordering data, the write); the operator's part is estimated with the Keystroke-Level
Model (Card, Moran & Newell 1980): K = 0.28 s a key (an average typist), M = 1.35 s for each
check the operator makes before a key (the resident, the basket, the window, the deliverer),
the name typed through a pinyin input method at 4 keys a character (3 letters and a choice).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

K_S = 0.28
M_S = 1.35
IME_KEYS_PER_CHAR = 4
CHECKS = 4  # resident, basket, window, deliverer
GOAL_S = 30.0
RESIDENTS = 15


def main() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from bench.orders_site import orders_site
    from core.orders import OrderStatus
    from data.models import NecessityOrder, Resident

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from widgets.order_entry import OrderEntryWidget

    with orders_site(population=3000) as (db, svc, today):
        who = svc.signin.principal("operator")
        with db.session() as s:
            regulars = list(
                s.execute(
                    select(Resident.id, Resident.name)
                    .join(NecessityOrder, NecessityOrder.resident_id == Resident.id)
                    .where(NecessityOrder.status == OrderStatus.DELIVERED.value)
                    .group_by(Resident.id, Resident.name)
                    .having(func.count() >= 3)
                    .order_by(Resident.id)
                    .limit(RESIDENTS)
                )
            )
        machine: list[float] = []
        keys_after_name: list[int] = []
        name_chars: list[int] = []
        placed = 0
        for rid, name in regulars:
            w = OrderEntryWidget()
            w.show()
            app.processEvents()
            sent: list[object] = []
            keys = 0

            def press(
                target: object, key: Qt.Key, mod: object = Qt.KeyboardModifier.NoModifier
            ) -> None:
                nonlocal keys
                QTest.keyClick(target, key, mod)  # type: ignore[arg-type]
                keys += 1

            t0 = time.perf_counter()
            # The search the operator's typing triggers (by the full name): namesakes come too,
            # and the operator presses Down until the right one, then Enter.
            found = svc.orders.find_residents(who, name)
            w.set_results(found)
            w.sig_resident.connect(lambda r, w=w: w.set_entry(svc.orders.entry_data(who, r, today)))
            w.sig_submit.connect(sent.append)
            w.search.setFocus()
            position = next(i for i, r in enumerate(found) if r.id == rid)
            if position:
                press(w.search, Qt.Key.Key_Down)  # into the list, on the first match
                for _ in range(position):
                    press(w.results, Qt.Key.Key_Down)
                press(w.results, Qt.Key.Key_Return)
            else:
                press(w.search, Qt.Key.Key_Return)
            press(w.focusWidget() or w, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
            press(w.window_combo, Qt.Key.Key_Return)
            press(w.deliverer, Qt.Key.Key_Return)
            if sent and sent[0].resident_id != rid:  # type: ignore[attr-defined]
                raise AssertionError(f"the order went to {sent[0]} instead of resident {rid}")
            if sent:
                svc.orders.place(who, sent[0])  # type: ignore[arg-type]
                placed += 1
            machine.append(time.perf_counter() - t0)
            if not sent:
                raise AssertionError(f"no order was placed for resident {rid}")
            keys_after_name.append(keys)
            name_chars.append(len(name))
            w.close()
            w.deleteLater()
            app.processEvents()
        name_keys = statistics.mean(name_chars) * IME_KEYS_PER_CHAR
        form_keys = statistics.mean(keys_after_name)
        machine_s = statistics.median(machine)
        operator_s = (name_keys + form_keys) * K_S + CHECKS * M_S
        result = {
            "residents": float(len(regulars)),
            "orders_placed": float(placed),
            "keys_after_name_max": float(max(keys_after_name)),
            "keys_after_name": form_keys,
            "name_keys_ime": round(name_keys, 1),
            "keys_total": round(name_keys + form_keys, 1),
            "machine_s_median": round(machine_s, 3),
            "operator_s_klm": round(operator_s, 1),
            "total_s": round(operator_s + machine_s, 1),
            "goal_s": GOAL_S,
        }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
