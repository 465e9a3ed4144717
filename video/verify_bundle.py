#!/usr/bin/env python3
"""Check an evidence bundle against its manifest and signature (standard library, Python 3.8+)."""

# This file is copied into every bundle and runs on PCs without the console: it may import
# nothing but the standard library, and its syntax must stay that of Python 3.8.
from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

FORMAT = "street-command-console/evidence-bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "signer.pem"
# Written by file browsers, not by the exporter: reported as a warning, not as tampering.
OS_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
_CHUNK = 1 << 20
# DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows.
_ED25519_SPKI = bytes.fromhex("302a300506032b6570032100")

ALTERED = "altered"
MISSING = "missing"
EXTRA = "extra"
NOT_A_BUNDLE = "not_a_bundle"
BAD_MANIFEST = "bad_manifest"
BAD_SIGNATURE = "bad_signature"
WRONG_KEY = "wrong_key"

_LABELS = {
    ALTERED: "ALTERED 已被改动",
    MISSING: "MISSING 缺失",
    EXTRA: "EXTRA 多出",
    NOT_A_BUNDLE: "NOT A BUNDLE 不是证据包",
    BAD_MANIFEST: "BAD MANIFEST 清单损坏",
    BAD_SIGNATURE: "BAD SIGNATURE 签名无效",
    WRONG_KEY: "WRONG KEY 签名密钥不符",
}


# --- Ed25519 verification (RFC 8032, section 5.1.7) -----------------------------------------
_P = 2**255 - 19
_L = 2**252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)

if TYPE_CHECKING:  # annotations only: a subscripted tuple is not a value on Python 3.8
    _Point = tuple[int, int, int, int]  # extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z


def _add(p: _Point, q: _Point) -> _Point:
    a = (p[1] - p[0]) * (q[1] - q[0]) % _P
    b = (p[1] + p[0]) * (q[1] + q[0]) % _P
    c = 2 * p[3] * q[3] * _D % _P
    d = 2 * p[2] * q[2] % _P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _mul(s: int, p: _Point) -> _Point:
    q: _Point = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, p)
        p = _add(p, p)
        s >>= 1
    return q


def _same(p: _Point, q: _Point) -> bool:
    return (p[0] * q[2] - q[0] * p[2]) % _P == 0 and (p[1] * q[2] - q[1] * p[2]) % _P == 0


def _decode_point(s: bytes) -> _Point | None:
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    if y >= _P:
        return None
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P) % _P
    if x2 == 0:
        if sign:
            return None
        return (0, y, 1, 0)
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P != 0:
        return None
    if (x & 1) != sign:
        x = _P - x
    return (x, y, 1, x * y % _P)


_GY = 4 * pow(5, _P - 2, _P) % _P
_G = _decode_point(_GY.to_bytes(32, "little"))


def ed25519_verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """True when `signature` is a valid Ed25519 signature of `message` by `public_key`."""
    if len(public_key) != 32 or len(signature) != 64 or _G is None:
        return False
    a = _decode_point(public_key)
    r = _decode_point(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= _L:
        return False
    digest = hashlib.sha512(signature[:32] + public_key + message).digest()
    h = int.from_bytes(digest, "little") % _L
    return _same(_mul(s, _G), _add(r, _mul(h, a)))


def public_key_from_pem(text: str) -> bytes:
    """The raw 32 bytes of an Ed25519 public key in PEM (SubjectPublicKeyInfo); ValueError."""
    lines = text.splitlines()
    try:
        begin = lines.index("-----BEGIN PUBLIC KEY-----")
        end = lines.index("-----END PUBLIC KEY-----", begin)
    except ValueError:
        raise ValueError("no PUBLIC KEY block") from None
    try:
        der = base64.b64decode("".join(lines[begin + 1 : end]), validate=True)
    except binascii.Error:
        raise ValueError("the PUBLIC KEY block is not base64") from None
    if len(der) != len(_ED25519_SPKI) + 32 or not der.startswith(_ED25519_SPKI):
        raise ValueError("not an Ed25519 public key")
    return der[len(_ED25519_SPKI) :]


def fingerprint(raw_public_key: bytes) -> str:
    """SHA-256 of the raw public key in groups of four hex digits (compare it by reading)."""
    digest = hashlib.sha256(raw_public_key).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _normalise_fingerprint(text: str) -> str:
    return "".join(c for c in text.lower() if c in "0123456789abcdef")


# --- the report -----------------------------------------------------------------------------
@dataclass
class Problem:
    """One finding that makes the bundle fail: its kind, the file it concerns, what is wrong."""

    kind: str
    path: str
    detail: str


@dataclass
class Report:
    """What checking a bundle found; `ok` only when nothing is wrong."""

    bundle: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    bytes: int = 0
    manifest_sha256: str = ""
    signed: bool = False
    signature_valid: bool = False
    key_fingerprint: str = ""
    manifest: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """True when every listed file is there unchanged, nothing was added, and any
        signature is valid."""
        return not self.problems

    def paths(self, kind: str) -> list[str]:
        """The files with problems of one kind (ALTERED, MISSING, EXTRA, ...)."""
        return [p.path for p in self.problems if p.kind == kind]

    @property
    def altered(self) -> list[str]:
        return self.paths(ALTERED)

    @property
    def missing(self) -> list[str]:
        return self.paths(MISSING)

    @property
    def extra(self) -> list[str]:
        return self.paths(EXTRA)

    def lines(self) -> list[str]:
        """The printed report."""
        out = ["Evidence bundle 证据包: " + self.bundle]
        m = self.manifest or {}
        if m:
            req = m.get("requested") or {}
            out.append("  cameras 摄像机:     " + ", ".join(str(c) for c in m.get("cameras", [])))
            out.append(
                "  range 时间范围:     {} .. {} (UTC)".format(req.get("start"), req.get("end"))
            )
            incident = m.get("incident_id")
            out.append(
                "  exported 导出:      {} by {} at {}{}".format(
                    m.get("exported_at"),
                    m.get("operator"),
                    m.get("workstation"),
                    "" if incident is None else f", incident {incident}",
                )
            )
            out.append("  reason 事由:        {}".format(m.get("reason")))
        if self.manifest_sha256:
            out.append("  manifest SHA-256:   " + self.manifest_sha256)
        out.append(f"  files checked 文件:  {self.files} ({self.bytes:,} bytes)")
        if self.signed:
            state = "valid 有效" if self.signature_valid else "INVALID 无效"
            out.append("  signature 签名:     Ed25519, " + state)
            out.append("  key fingerprint 密钥指纹: " + self.key_fingerprint)
            out.append("    compare it with the fingerprint the street office published")
            out.append("    请与街道办公布的密钥指纹逐字核对")
        elif self.manifest is not None:
            out.append("  signature 签名:     none (the bundle is not signed 证据包未签名)")
        for p in self.problems:
            out.append(f"  {_LABELS.get(p.kind, p.kind)}: {p.path}: {p.detail}")
        for w in self.warnings:
            out.append("  warning 提示: " + w)
        if self.ok:
            out.append("RESULT 结果: VERIFIED 验证通过 — every file matches the manifest")
        else:
            out.append(
                f"RESULT 结果: FAILED 验证未通过 — {len(self.problems)} problem(s); "
                "do not rely on this bundle"
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        """The findings as JSON values."""
        return {
            "bundle": self.bundle,
            "ok": self.ok,
            "problems": [
                {"kind": p.kind, "path": p.path, "detail": p.detail} for p in self.problems
            ],
            "warnings": list(self.warnings),
            "files": self.files,
            "bytes": self.bytes,
            "manifest_sha256": self.manifest_sha256,
            "signed": self.signed,
            "signature_valid": self.signature_valid,
            "key_fingerprint": self.key_fingerprint,
        }


# --- checking -------------------------------------------------------------------------------
def _safe_relative(path: object) -> bool:
    """A listed path must stay inside the bundle: relative, '/'-separated, no '..'."""
    if not isinstance(path, str) or not path or "\\" in path or ":" in path or "\0" in path:
        return False
    parts = path.split("/")
    return not path.startswith("/") and all(p not in ("", ".", "..") for p in parts)


def _sha256(path: Path, progress: Callable[[int], None] | None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            chunk = f.read(_CHUNK)
            if not chunk:
                break
            h.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return h.hexdigest()


def _present_files(root: Path) -> list[str]:
    """Every file and link under `root` as a '/'-separated relative path (links not followed)."""
    found: list[str] = []
    for folder, dirs, files in os.walk(str(root), followlinks=False):
        rel = os.path.relpath(folder, str(root))
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in files:
            found.append(prefix + name)
        for name in dirs:
            if os.path.islink(os.path.join(folder, name)):
                found.append(prefix + name)
    return found


def _load_manifest(root: Path, report: Report) -> dict[str, Any] | None:
    path = root / MANIFEST
    if not root.is_dir():
        what = "no such folder" if not root.exists() else "not a folder"
        report.problems.append(Problem(NOT_A_BUNDLE, str(root), what))
        return None
    if not path.is_file():
        report.problems.append(
            Problem(
                NOT_A_BUNDLE, MANIFEST, "no manifest.json in this folder: not an evidence bundle"
            )
        )
        return None
    data = path.read_bytes()
    report.manifest_sha256 = hashlib.sha256(data).hexdigest()
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        report.problems.append(Problem(BAD_MANIFEST, MANIFEST, f"not valid JSON ({exc})"))
        return None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        report.problems.append(
            Problem(BAD_MANIFEST, MANIFEST, "not a manifest of format " + FORMAT)
        )
        return None
    if not isinstance(doc.get("files"), list):
        report.problems.append(Problem(BAD_MANIFEST, MANIFEST, "no list of files"))
        return None
    return doc


def _check_signature(root: Path, manifest: dict[str, Any], report: Report) -> None:
    sig_path, key_path = root / SIGNATURE, root / PUBLIC_KEY
    signer = manifest.get("signer")
    if signer is None and not sig_path.exists():
        return
    report.signed = True
    if not sig_path.is_file():
        report.problems.append(
            Problem(MISSING, SIGNATURE, "the manifest names a signer but the signature is gone")
        )
        return
    if not key_path.is_file():
        report.problems.append(Problem(MISSING, PUBLIC_KEY, "no public key to check the signature"))
        return
    try:
        raw = public_key_from_pem(key_path.read_text(encoding="ascii", errors="replace"))
    except ValueError as exc:
        report.problems.append(Problem(BAD_SIGNATURE, PUBLIC_KEY, str(exc)))
        return
    report.key_fingerprint = fingerprint(raw)
    message = (root / MANIFEST).read_bytes()
    if not ed25519_verify(raw, message, sig_path.read_bytes()):
        report.problems.append(
            Problem(
                BAD_SIGNATURE,
                MANIFEST,
                "the signature does not match: manifest.json was changed after signing, or "
                "signed with another key",
            )
        )
        return
    stated = signer.get("fingerprint") if isinstance(signer, dict) else None
    if not isinstance(stated, str) or _normalise_fingerprint(stated) != _normalise_fingerprint(
        report.key_fingerprint
    ):
        report.problems.append(
            Problem(WRONG_KEY, PUBLIC_KEY, "not the key the manifest names as its signer")
        )
        return
    report.signature_valid = True


def verify(
    bundle: str | os.PathLike[str],
    *,
    expect_fingerprint: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Check a bundle folder (or its manifest.json): files, sizes, hashes, extras, signature.

    `expect_fingerprint` (the published key fingerprint, or its first 16 hex digits) makes an
    unsigned bundle or one signed by any other key fail. `progress(done, total)` in bytes.
    """
    root = Path(bundle)
    if root.name == MANIFEST and root.is_file():
        root = root.parent
    report = Report(bundle=str(root))
    manifest = _load_manifest(root, report)
    if manifest is None:
        return report
    report.manifest = manifest
    _check_signature(root, manifest, report)
    if expect_fingerprint is not None:
        want = _normalise_fingerprint(expect_fingerprint)
        have = _normalise_fingerprint(report.key_fingerprint)
        if len(want) < 16 or not have.startswith(want) or not report.signature_valid:
            report.problems.append(
                Problem(
                    WRONG_KEY,
                    PUBLIC_KEY,
                    "expected a valid signature by key {}, found {}".format(
                        expect_fingerprint, report.key_fingerprint or "no signature"
                    ),
                )
            )
    entries: list[dict[str, Any]] = []
    listed: set[str] = set()
    for entry in manifest["files"]:
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str) or not _safe_relative(path) or path in (MANIFEST, SIGNATURE):
            report.problems.append(
                Problem(BAD_MANIFEST, str(path), "a file entry that does not name a bundle file")
            )
            continue
        size, digest = entry.get("bytes"), entry.get("sha256")
        if not isinstance(size, int) or not isinstance(digest, str) or path in listed:
            report.problems.append(Problem(BAD_MANIFEST, path, "a malformed or repeated entry"))
            continue
        listed.add(path)
        entries.append(entry)
    total = sum(int(e["bytes"]) for e in entries)
    done = [0]

    def advance(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(done[0], total)

    for entry in entries:
        path = entry["path"]
        full = root.joinpath(*path.split("/"))
        report.files += 1
        if full.is_symlink() or not full.is_file():
            report.problems.append(Problem(MISSING, path, "listed in the manifest, not found"))
            continue
        size = full.stat().st_size
        report.bytes += size
        if size != entry["bytes"]:
            report.problems.append(
                Problem(
                    ALTERED, path, "{:,} bytes, the manifest says {:,}".format(size, entry["bytes"])
                )
            )
            advance(int(entry["bytes"]))
            continue
        if _sha256(full, advance) != entry["sha256"].lower():
            report.problems.append(
                Problem(ALTERED, path, "contents changed (SHA-256 differs from the manifest)")
            )
    for path in sorted(_present_files(root)):
        if path in listed or path in (MANIFEST, SIGNATURE):
            continue
        if path == PUBLIC_KEY and not report.signed:
            report.problems.append(Problem(EXTRA, path, "a public key but no signature"))
        elif path.rsplit("/", 1)[-1].lower() in OS_FILES:
            report.warnings.append(path + " was added by a file browser (not part of the evidence)")
        else:
            report.problems.append(Problem(EXTRA, path, "not listed in the manifest"))
    return report


def main(argv: list[str] | None = None) -> int:
    """`python3 verify_bundle.py [BUNDLE]`: print the report; exit 0 only if it verifies."""
    parser = argparse.ArgumentParser(
        description="Verify an evidence bundle of the Street Command Console "
        "(校验街道智能总控台导出的证据包)."
    )
    parser.add_argument("bundle", nargs="?", default=".", help="the bundle folder (default: .)")
    parser.add_argument(
        "--fingerprint",
        metavar="FP",
        help="fail unless the bundle is signed by the key with this fingerprint",
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A console without CJK glyphs (cp1252) must not stop the report mid-way.
            reconfigure(errors="replace")
    report = verify(args.bundle, expect_fingerprint=args.fingerprint)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))  # noqa: T201
    else:
        print("\n".join(report.lines()))  # noqa: T201
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
