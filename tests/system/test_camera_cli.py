"""`console camera discover|probe` against the ONVIF stub: what a site file needs, no password."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import run_cli
from tests.helpers.onvif_stub import OnvifStub

PASSWORD = "s3cret:@/"


def test_discover_finds_the_camera_and_probe_prints_profiles_and_streams(tmp_path: Path) -> None:
    creds = tmp_path / "camera-credentials.toml"
    creds.write_text(f'[gate]\nuser = "admin"\npassword = "{PASSWORD}"\n')
    creds.chmod(0o600)
    with OnvifStub(user="admin", password=PASSWORD, name="Gate Cam") as cam:
        found = run_cli(
            tmp_path, "camera", "discover", "--timeout", "1",
            "--host", f"127.0.0.1:{cam.discovery_port}",
        )  # fmt: skip
        assert found.returncode == 0, found.stderr
        assert f"127.0.0.1:{cam.port}" in found.stdout
        assert "Gate Cam" in found.stdout
        probe = run_cli(
            tmp_path, "camera", "probe", f"127.0.0.1:{cam.port}",
            "--credentials", "gate", "--credentials-file", str(creds),
        )  # fmt: skip
        assert probe.returncode == 0, probe.stderr
        assert "main stream: rtsp://" in probe.stdout
        assert "sub stream: rtsp://" in probe.stdout
        assert "PTZ: yes" in probe.stdout
        assert "640×360" in probe.stdout
        cam.password = "changed"
        refused = run_cli(
            tmp_path, "camera", "probe", f"127.0.0.1:{cam.port}",
            "--credentials", "gate", "--credentials-file", str(creds),
        )  # fmt: skip
    assert refused.returncode != 0
    assert "error" in refused.stderr
    for out in (found, probe, refused):
        assert PASSWORD not in out.stdout + out.stderr
