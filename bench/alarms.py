"""Alarm frame → incident in the queue, with the console's GUI running; and the ingest's rate.

`python -m bench.alarms [--n 120] [--flood 10000]`: the demo site in a temporary SQLite file,
a ConsoleApp (offscreen) hosting the DC-09 receiver on a free port, signed in as the operator.
Each sample sends one encrypted ADM-CID frame over TCP (a new device and category each time,
so each opens an incident) and times, on the GUI thread, until the queue's model holds it.
Baseline in the same run: the change feed's own poll interval (what the latency would be
without the ingest's wake-up). Then a flood of `--flood` frames from one panel, pipelined:
frames/s acknowledged and stored.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

SIA = ("1130", "1110", "1120", "1100", "1137", "1301")  # burglary, fire, panic, medical, ...


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(n: int, flood: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp, ConsoleOptions
    from console.paths import demo_site_file
    from console.presenters.alarms import AlarmsPresenter
    from console.presenters.incidents import IncidentsPresenter
    from console.startup import local_services
    from core.site import load_site
    from data.fieldcrypt import ensure_field_keys
    from data.migrate import open_database
    from data.seeding import seed_site
    from hardware.alarms.frames import Dc09Sender, build_frame

    qapp = QApplication.instance() or QApplication([])
    site = load_site(demo_site_file())
    assert site.alarm_receiver is not None
    from dataclasses import replace

    site = replace(
        site,
        alarm_receiver=replace(site.alarm_receiver, tcp_port=0, udp_port=0, simulate=False),
        devices=tuple(
            replace(d, alarm=replace(d.alarm, supervision_seconds=0)) for d in site.devices
        ),
    )
    panels = [d for d in site.devices if d.alarm.account and d.alarm.key]
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        keys = Path(tmp) / "keys"
        ensure_field_keys(keys)
        seed_site(db, site, local_services(db, "CC", keys), population=0)
        opts = ConsoleOptions(
            workstation="CC",
            idle_lock_minutes=0,
            config_dir=Path(tmp) / "cfg",
            confirm_quit=False,
            keys_dir=keys,
            alert_sound=False,
            site=site,
            tracking=False,
        )
        app = ConsoleApp(qapp, db, opts)  # type: ignore[arg-type]
        try:
            app.session.enter(app.services.signin.principal("operator"))
            app.wait_idle()
            alarms = app.presenter("alarms")
            incidents = app.presenter("incidents")
            assert isinstance(alarms, AlarmsPresenter)
            assert isinstance(incidents, IncidentsPresenter)
            assert alarms.receiver is not None
            port = alarms.receiver.tcp_port
            assert port is not None
            model = incidents.queue.model
            samples: list[float] = []
            with Dc09Sender("127.0.0.1", port) as sender:
                for i in range(min(n, len(panels) * len(SIA))):
                    d = panels[i % len(panels)]
                    code = SIA[(i // len(panels)) % len(SIA)]
                    assert d.alarm.account is not None
                    frame = build_frame(
                        d.alarm.account,
                        code,
                        "012",
                        message_type="ADM-CID",
                        key=d.alarm.key,
                        sequence=i + 1,
                    )
                    want = model.rowCount() + 1
                    t0 = time.perf_counter()
                    sender.send_raw(frame)
                    while model.rowCount() < want:
                        qapp.processEvents()
                        if time.perf_counter() - t0 > 10:
                            raise TimeoutError(f"sample {i}: no queue row after 10 s")
                    samples.append((time.perf_counter() - t0) * 1000)
                    sender.receive(key=d.alarm.key)  # its ACK, read after the clock stopped
            out["samples"] = len(samples)
            out["frame_to_queue_p50_ms"] = statistics.median(samples)
            out["frame_to_queue_p99_ms"] = _p(samples, 0.99)
            out["frame_to_queue_max_ms"] = max(samples)
            out["baseline_feed_poll_ms"] = opts.poll_interval * 1000
            ingest = alarms.ingest
            assert ingest is not None
            d = panels[0]
            assert d.alarm.account is not None
            now = datetime.now(UTC)
            frames = [
                build_frame(
                    d.alarm.account,
                    "1130",
                    f"{i % 1000:03d}",
                    message_type="ADM-CID",
                    key=d.alarm.key,
                    sequence=i % 9999 + 1,
                    timestamp=now,
                )
                for i in range(flood)
            ]
            stored_before = ingest.stored
            answers: list[object] = []

            def send() -> None:
                with Dc09Sender("127.0.0.1", port, timeout=10) as s:
                    answers.extend(s.pipeline(frames, key=d.alarm.key, timeout=120))

            t0 = time.perf_counter()
            worker = threading.Thread(target=send, name="bench-flood")
            worker.start()
            while worker.is_alive():
                qapp.processEvents()
                worker.join(0.01)
            acked_s = time.perf_counter() - t0
            while ingest.stored - stored_before < flood and time.perf_counter() - t0 < 120:
                qapp.processEvents()
                time.sleep(0.01)
            stored_s = time.perf_counter() - t0
            out["flood_frames"] = flood
            out["flood_acked_per_s"] = len(answers) / acked_s
            out["flood_stored_per_s"] = (ingest.stored - stored_before) / stored_s
        finally:
            app.shutdown()
            app.window.allow_close()
            app.window.close()
            db.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120, help="latency samples (at most 144)")
    parser.add_argument("--flood", type=int, default=10_000, help="frames of the flood")
    args = parser.parse_args()
    for name, value in run(args.n, args.flood).items():
        print(f"{name:28s} {value:10.1f}")


if __name__ == "__main__":
    main()
