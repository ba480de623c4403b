#!/usr/bin/env bash
# Make sure the system libraries Qt needs are present (Debian/Ubuntu names).
# As root with apt-get, install what is missing; otherwise print the exact command.
# Usage: tools/sysdeps.sh [gui] [xtest] [pg]
#   gui    also the X11 platform plugin's libraries
#   xtest  also Xvfb and xdotool for the real-window kiosk test (installed when root; without
#          them that one test is skipped with its reason, so they are optional)
#   pg     also the PostgreSQL server, for the PostgreSQL half of the tests (installed when
#          root; without it that half is skipped and the test run says so loudly)
set -u
want_gui=0; want_xtest=0; want_pg=0
for arg in "$@"; do
  case "$arg" in gui) want_gui=1 ;; xtest) want_xtest=1 ;; pg) want_pg=1 ;; esac
done
have_pg_server() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1
}
# The X11 test's libraries can only be added by root; for anyone else they stay optional.
if [ $want_xtest = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  want_gui=1
fi
declare -A PKG=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libfontconfig.so.1]=libfontconfig1
  [libfreetype.so.6]=libfreetype6 [libdbus-1.so.3]=libdbus-1-3 [libglib-2.0.so.0]=libglib2.0-0
  [libxkbcommon.so.0]=libxkbcommon0
)
if [ $want_gui = 1 ]; then
  PKG+=(
    [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libxcb-cursor.so.0]=libxcb-cursor0
    [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-keysyms.so.1]=libxcb-keysyms1
    [libxcb-image.so.0]=libxcb-image0 [libxcb-render-util.so.0]=libxcb-render-util0
    [libxcb-randr.so.0]=libxcb-randr0 [libxcb-shape.so.0]=libxcb-shape0
    [libxcb-xkb.so.1]=libxcb-xkb1 [libX11-xcb.so.1]=libx11-xcb1
    [libxcb-xfixes.so.0]=libxcb-xfixes0 [libxcb-sync.so.1]=libxcb-sync1
  )
fi
have=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null)
missing=()
for lib in "${!PKG[@]}"; do
  grep -q "[[:space:]]$lib " <<<"$have" || missing+=("${PKG[$lib]}")
done
# fontconfig needs at least one system font to start; the app ships its own Noto fonts.
command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -1)" ] || missing+=(fontconfig fonts-dejavu-core)
if [ $want_xtest = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
  command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
elif [ $want_xtest = 1 ] && ! { command -v Xvfb && command -v xdotool; } >/dev/null 2>&1; then
  echo "note: Xvfb or xdotool is missing, so the real-window kiosk test will be skipped" \
       "(sudo apt-get install -y xvfb xdotool)" >&2
fi
if [ $want_pg = 1 ] && ! have_pg_server; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    # On its own, so a server package that fails to configure (no init system in a
    # container) cannot take Qt's libraries down with it. The tests start their own
    # throwaway cluster: the package's default cluster must not start, so services are
    # held back while it installs (policy-rc.d), unless the machine already has a policy.
    echo "installing the PostgreSQL server for the PostgreSQL half of the tests"
    guard=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && guard=1
    fi
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } ||
      echo "note: the PostgreSQL server could not be installed; its half of the tests cannot run" >&2
    [ $guard = 1 ] && rm -f /usr/sbin/policy-rc.d
  else
    echo "note: the PostgreSQL server is not installed, so the PostgreSQL half of the tests" \
         "will be skipped (sudo apt-get install -y postgresql)" >&2
  fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Qt needs system libraries that are missing. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
