#!/usr/bin/env bash
# Installs the Debian packages the console (run) or the test suite (test) needs, if missing.
set -euo pipefail
mode=${1:-run}
# Qt's xcb/offscreen platforms need these shared libraries; the CJK font renders the Chinese UI.
# PortAudio (libportaudio2) plays the alert sound.
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-wqy-microhei
      libportaudio2)
# Kiosk surveys read each question aloud offline: espeak-ng and its Mandarin voice.
pkgs+=(espeak-ng)
# GStreamer's RTSP server through Debian's python3-gi serves the demo's cameras like live ones.
pkgs+=(python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-rtsp gstreamer1.0-plugins-base
       gstreamer1.0-plugins-good gstreamer1.0-plugins-bad)
if [[ $mode == test ]]; then
  # A real PostgreSQL server for the repository tests, socat for serial pty pairs, Xvfb for
  # real-window screenshots.
  pkgs+=(postgresql socat xvfb)
  # A PulseAudio null sink whose monitor the audio system test records.
  pkgs+=(pulseaudio pulseaudio-utils libasound2-plugins)
  # SIPp (Debian's sip-tester): the caller of the SIP system tests.
  pkgs+=(sip-tester)
  # The video benchmark's baseline (`ffmpeg -threads 1 ... -f null -`).
  pkgs+=(ffmpeg)
fi
# Debian's own Python needs python3-venv before `python3 -m venv` can work.
py=$(command -v python3.11 || command -v python3 || true)
if [[ -n $py ]] && ! "$py" -c 'import ensurepip' 2>/dev/null; then
  pkgs+=("python$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv")
fi
command -v dpkg-query >/dev/null || { echo "sysdeps: not a Debian system; install ${pkgs[*]} by hand" >&2; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]})) || exit 0
echo "sysdeps: installing ${missing[*]}"
sudo=""
[[ $(id -u) == 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
