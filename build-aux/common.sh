# Shared by build-aux/run and build-aux/test: Debian package handling.
# Sourced, not run; the caller has already set `set -euo pipefail`.
# shellcheck shell=bash disable=SC2034

# Packages needed to build and start Waymark (Debian 12 names).
WAYMARK_BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libxml2-dev libcairo2-dev libpango1.0-dev
  libgsf-1-dev
  desktop-file-utils appstream
)

# Extra packages the test suite uses: a virtual X server and session bus for
# the GUI tests, AT-SPI for driving the UI, tools that check the exported
# PDF/SVG/PNG and the data files, pinned fonts for golden images, and the
# sanitizer and valgrind runtimes.
WAYMARK_TEST_PACKAGES=(
  xvfb xauth xdotool dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0
  imagemagick poppler-utils qpdf librsvg2-bin libxml2-utils w3c-sgml-lib
  desktop-file-utils appstream gettext fonts-dejavu-core fonts-cantarell
  fonts-droid-fallback fonts-symbola
  clang libclang-rt-14-dev valgrind
)

waymark_say ()
{
  printf '%s: %s\n' "${0##*/}" "$*" >&2
}

# True on Debian and its derivatives, where the package names above are valid.
waymark_is_debian ()
{
  local id="" id_like=""
  [ -r /etc/os-release ] || return 1
  # shellcheck disable=SC1091
  id=$(. /etc/os-release && printf '%s' "${ID:-}")
  # shellcheck disable=SC1091
  id_like=$(. /etc/os-release && printf '%s' "${ID_LIKE:-}")
  case " $id $id_like " in
    *" debian "*) return 0 ;;
    *) return 1 ;;
  esac
}

# Prints the packages in "$@" that dpkg does not list as installed.
waymark_missing_packages ()
{
  local pkg status
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
    case "$status" in
      ii*) ;;
      *) printf '%s\n' "$pkg" ;;
    esac
  done
}

# Installs whatever of "$@" is missing. Checking with dpkg-query first keeps a
# second run fast and lets it work offline. Set WAYMARK_SKIP_DEPS=1 to skip
# this step entirely (for other distributions, or a hand-made environment).
waymark_ensure_packages ()
{
  local -a wanted missing sudo_cmd
  local pkg

  if [ "${WAYMARK_SKIP_DEPS:-0}" = 1 ]; then
    return 0
  fi

  # Deduplicate while keeping order, so messages stay readable.
  wanted=()
  for pkg in "$@"; do
    case " ${wanted[*]} " in
      *" $pkg "*) ;;
      *) wanted+=("$pkg") ;;
    esac
  done

  if ! waymark_is_debian || ! command -v dpkg-query >/dev/null 2>&1; then
    waymark_say "this script installs dependencies on Debian 12 only."
    waymark_say "Install the equivalents of these Debian packages, then rerun with WAYMARK_SKIP_DEPS=1:"
    printf '  %s\n' "${wanted[@]}" >&2
    exit 1
  fi

  mapfile -t missing < <(waymark_missing_packages "${wanted[@]}")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      waymark_say "missing packages and no sudo; as root, run:"
      printf '  apt-get install %s\n' "${missing[*]}" >&2
      exit 1
    fi
    sudo_cmd=(sudo)
  fi

  waymark_say "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Try the package lists we have first (fast, works offline when the .debs
  # are cached); refresh them once only if that fails.
  if ! "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}" </dev/null; then
    waymark_say "refreshing package lists and retrying"
    "${sudo_cmd[@]}" apt-get update -q </dev/null
    "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}" </dev/null
  fi
}

# Configures BUILDDIR unless it already is a meson build directory; meson
# reconfigures by itself on `compile` when a meson.build changed. Extra
# arguments are passed to `meson setup`, so they only apply to a new
# directory: delete BUILDDIR to change them.
waymark_setup ()
{
  local builddir="$1"
  shift
  if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
    meson setup "$builddir" "$@"
  fi
}
