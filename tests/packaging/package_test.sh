#!/usr/bin/env bash
# The Debian packages as an IT officer gets them: built by CPack from this build, checked by
# lintian, extracted into a scratch root, and then everything the units and the settings name
# must be in that root; `systemd-analyze verify` must pass on the units there without a word;
# the extracted server must start from the shipped /etc/chamber/server.conf and serve the
# portal; the shipped nginx site must pass `nginx -t`.
#   tests/packaging/package_test.sh SOURCE BUILD
set -euo pipefail
src=$1
build=$2
tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Under pipefail, `writer | grep -q` fails whenever grep finds its line and leaves before the
# writer has written the rest (SIGPIPE): a pass that turns into a failure on a busy machine.
# So a text is searched only once it is whole.
has() { grep -q "$1" <<< "$2"; }

echo "== cpack"
(cd "$build" && cpack -G DEB -B "$tmp/pkg" > "$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; fail "cpack"; }
debs=("$tmp"/pkg/*.deb)
for p in chamber-server chamber-media chamber-tablet chamber-portal; do
  ls "$tmp/pkg/${p}_"*.deb > /dev/null 2>&1 || fail "no package $p"
done
echo "packages: $(cd "$tmp/pkg" && ls ./*.deb | xargs -n1 basename | tr '\n' ' ')"

echo "== lintian"
# No error and no warning: each package as Debian's own checker sees it.
lintian --tag-display-limit 0 "${debs[@]}" > "$tmp/lintian.txt" 2>&1 || true
if grep -E '^(E|W):' "$tmp/lintian.txt"; then fail "lintian has tags (above)"; fi

echo "== dependencies"
# Libraries found by dpkg-shlibdeps, the rest declared from Debian's packages.
dep() { dpkg-deb -f "$tmp/pkg/$1_"*.deb Depends; }
for want in libwebsockets17 libsqlite3-0 poppler-utils adduser; do
  has "$want" "$(dep chamber-server)" || fail "chamber-server does not depend on $want"
done
for want in libgstreamer1.0-0 gstreamer1.0-plugins-bad gstreamer1.0-libav libavformat59; do
  has "$want" "$(dep chamber-media)" || fail "chamber-media does not depend on $want"
done
has qml6-module-qtquick-pdf "$(dep chamber-tablet)" || fail "chamber-tablet needs the QML PDF module"

echo "== extracted into a scratch root"
root="$tmp/root"
for d in "${debs[@]}"; do dpkg-deb -x "$d" "$root"; done
for d in "${debs[@]}"; do
  name=$(dpkg-deb -f "$d" Package)
  mkdir -p "$tmp/control/$name"
  dpkg-deb -e "$d" "$tmp/control/$name"
  for s in postinst prerm postrm; do
    [ -f "$tmp/control/$name/$s" ] && { sh -n "$tmp/control/$name/$s" || fail "$name $s: syntax"; }
  done
  # Every file under /etc is a conffile: an upgrade keeps the officer's changes.
  (cd "$root" && dpkg-deb -c "$d" | awk '{print $6}' | sed 's|^\./|/|' | grep '^/etc/.*[^/]$' || true) |
    while read -r f; do
      grep -qx "$f" "$tmp/control/$name/conffiles" 2>/dev/null || fail "$name: $f is not a conffile"
    done
done
# Every program has its manual page.
for b in "$root"/usr/bin/*; do
  n=$(basename "$b")
  ls "$root"/usr/share/man/man*/"$n".*.gz > /dev/null 2>&1 || fail "no manual page for $n"
done

echo "== what the units name"
units=("$root"/lib/systemd/system/chamber-*.service)
[ ${#units[@]} -eq 5 ] || fail "expected 5 services, found ${#units[@]}"
[ -f "$root/lib/systemd/system/chamber-backup.timer" ] || fail "no backup timer"
state_dirs=()
for u in "${units[@]}"; do
  for sd in $(sed -n 's/^StateDirectory=//p' "$u"); do state_dirs+=("/var/lib/$sd"); done
done
for u in "${units[@]}"; do
  n=$(basename "$u")
  # Every program the unit runs: ours from the packages, a shell from the system.
  for exe in $(grep -E '^ExecStart(Pre|Post)?=' "$u" | grep -oE '/(usr/)?s?bin/[a-z0-9-]+' | sort -u); do
    case "$exe" in
      /bin/sh) [ -x "$exe" ] || fail "$n: no $exe" ;;
      /usr/bin/janus)  # Debian's, recommended by chamber-media; the unit waits for it
        grep -q '^ConditionPathExists=/usr/bin/janus' "$u" || fail "$n: runs janus without checking for it"
        has janus "$(dpkg-deb -f "$tmp"/pkg/chamber-media_*.deb Recommends)" || fail "chamber-media does not recommend janus" ;;
      *) [ -x "$root$exe" ] || fail "$n: $exe is not in the packages" ;;
    esac
  done
  for ro in $(sed -n 's/^ReadOnlyPaths=//p' "$u"); do [ -e "$root$ro" ] || fail "$n: $ro missing"; done
  # What it may write is a folder systemd makes for it (StateDirectory=).
  for rw in $(sed -n 's/^ReadWritePaths=//p' "$u"); do
    has "^$rw\$" "$(printf '%s\n' "${state_dirs[@]}")" ||
      has "install -d .*$rw" "$(cat "$tmp"/control/*/postinst)" || fail "$n: $rw is writable but never made"
  done
  for key in NoNewPrivileges ProtectSystem PrivateTmp User; do
    grep -q "^$key=" "$u" || fail "$n: no $key="
  done
  grep -q '^ProtectSystem=strict' "$u" || fail "$n: ProtectSystem is not strict"
  # A service that runs for good restarts on failure, within limits.
  if grep -q '^Type=simple' "$u"; then
    for key in Restart StartLimitBurst StartLimitIntervalSec; do
      grep -q "^$key=" "$u" || fail "$n: no $key="
    done
  fi
  conf=$(sed -n 's/^ExecStart=.*--config \([^ ]*\).*/\1/p' "$u")
  if [ -z "$conf" ]; then continue; fi
  [ -f "$root$conf" ] || fail "$n: its settings $conf are not in the packages"
  # Every path its settings file names: shipped, or a folder systemd makes, or made by postinst.
  grep -E '^(data|portal|hls|archive|hardware|password-file|recordings|out|tls-cert|tls-key|ca-file) *= *"' \
      "$root$conf" | sed -E 's/^([a-z-]+) *= *"([^"]*)".*/\1 \2/' |
    while read -r key path; do
      if [ -e "$root$path" ]; then continue; fi
      case "$path" in
        /var/lib/*) has "^$path\$" "$(printf '%s\n' "${state_dirs[@]}")" ||
                      fail "$conf: $key = $path is never made" ;;
        /etc/chamber/media.password) grep -q 'media.password' "$tmp/control/chamber-media/postinst" ||
                      fail "$conf: $key = $path is never made" ;;
        *) fail "$conf: $key = $path is not in the packages" ;;
      esac
    done
done

echo "== systemd-analyze verify"
# The root needs systemd's own targets to resolve After=/WantedBy=.
mkdir -p "$root/usr/lib/systemd/system"
cp -a /lib/systemd/system/*.target /lib/systemd/system/*.slice "$root/usr/lib/systemd/system/" 2>/dev/null || true
# ... and the system's shell, which the backup unit runs (Essential: on every Debian system).
mkdir -p "$root/bin" && cp "$(readlink -f /bin/sh)" "$root/bin/sh"
# ... and Janus, recommended (not shipped) by chamber-media, where this machine has it.
if [ -x /usr/bin/janus ]; then cp /usr/bin/janus "$root/usr/bin/janus"; fi
for u in "${units[@]}" "$root/lib/systemd/system/chamber-backup.timer"; do
  n=$(basename "$u")
  if [ "$n" = chamber-janus.service ] && [ ! -x /usr/bin/janus ]; then
    echo "(not verified: $n — Janus is not installed here)"; continue
  fi
  if ! systemd-analyze verify --root="$root" "/lib/systemd/system/$n" > "$tmp/verify.txt" 2>&1; then
    cat "$tmp/verify.txt"; fail "systemd-analyze verify $n"
  fi
  # A misspelt key is only a warning to systemd: here it is a failure.
  if [ -s "$tmp/verify.txt" ]; then cat "$tmp/verify.txt"; fail "systemd-analyze verify $n has warnings"; fi
  echo "verified $n"
done

echo "== the extracted server, from the shipped settings"
export LD_LIBRARY_PATH=""
conf="$tmp/server.conf"
mkdir -p "$tmp/var/data" "$tmp/var/live" "$tmp/var/archive"
sed -e "s|^port = .*|port = 0|" -e "s|/var/lib/chamber/data|$tmp/var/data|" \
    -e "s|/var/lib/chamber/media/live|$tmp/var/live|" -e "s|/var/lib/chamber/archive|$tmp/var/archive|" \
    -e "s|/usr/share/chamber/portal|$root/usr/share/chamber/portal|" \
    -e 's|^# council = .*|council = "Hội đồng nhân dân xã Côn Minh"|' \
    -e "s|^# council-en = .*|council-en = \"Côn Minh Commune People's Council\"|" \
    "$root/etc/chamber/server.conf" > "$conf"
grep -q '^council = ' "$conf" || fail "server.conf has no council line to set (operations.md §3)"
"$root/usr/bin/chamber-server" --config "$conf" --port-file "$tmp/port" > "$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { cat "$tmp/server.log"; fail "the packaged server did not start"; }
port=$(cat "$tmp/port")
health=$(curl -fsS "http://127.0.0.1:$port/health") || fail "/health"
has '"ok"' "$health" || fail "/health: $health"
home=$(curl -fsS "http://127.0.0.1:$port/") || fail "the portal's first page"
has 'Hội đồng nhân dân' "$home" || fail "the portal from /usr/share/chamber/portal"
# The name the officer set is the one every page asks for.
site=$(curl -fsS "http://127.0.0.1:$port/api/site") || fail "/api/site"
has '"vi":"Hội đồng nhân dân xã Côn Minh"' "$site" || fail "/api/site: $site"
has '"en":"Côn Minh Commune People'"'"'s Council"' "$site" || fail "/api/site: $site"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
# A misspelt setting stops the server with its name, not silently.
printf 'prot = 8080\n' >> "$conf"
if timeout 10 "$root/usr/bin/chamber-server" --config "$conf" > "$tmp/bad.log" 2>&1; then
  fail "a misspelt setting was accepted"
fi
grep -q 'prot' "$tmp/bad.log" || { cat "$tmp/bad.log"; fail "the error does not name the setting"; }
"$root/usr/bin/chamberctl" --data "$tmp/var/data" verify > /dev/null || fail "packaged chamberctl verify"

echo "== the nginx site"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout "$tmp/key.pem" \
  -out "$tmp/cert.pem" > /dev/null 2>&1
mkdir -p "$tmp/nginx/logs"
# (the packaged site is the shipped one: moved to this test's certificate and cache)
cmp -s "$root/etc/nginx/sites-available/chamber" "$src/deploy/nginx/chamber.conf" ||
  fail "the packaged nginx site is not deploy/nginx/chamber.conf"
"$src/tests/support/nginx-site.sh" 8080 8088 443 80 "$tmp/cert.pem" "$tmp/key.pem" "$tmp/nginx/cache" \
  > "$tmp/nginx/site.conf"
cat > "$tmp/nginx/nginx.conf" <<CONF
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  include $tmp/nginx/site.conf;
}
CONF
nginx -t -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" > "$tmp/nginx.txt" 2>&1 || { cat "$tmp/nginx.txt"; fail "nginx -t"; }
echo "PASS"
