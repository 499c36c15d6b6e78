#!/usr/bin/env bash
# The shipped nginx site (deploy/nginx/chamber.conf) moved to a test's addresses: the
# upstreams, the two listening ports on 127.0.0.1 (no IPv6), the certificate and the cache
# folder. Every place it changes must be in the shipped file: a site that no longer has one
# fails here, not silently in the test. Writes the site to standard output.
#   tests/support/nginx-site.sh SERVER_PORT JANUS_PORT HTTPS_PORT HTTP_PORT CERT KEY CACHE_DIR
set -euo pipefail
[ $# -eq 7 ] || { echo "usage: $0 SERVER_PORT JANUS_PORT HTTPS_PORT HTTP_PORT CERT KEY CACHE_DIR" >&2; exit 2; }
site="$(dirname "$0")/../../deploy/nginx/chamber.conf"
text=$(cat "$site")
swap() {  # from to
  case "$text" in *"$1"*) ;; *) echo "the shipped nginx site has no '$1'" >&2; exit 1 ;; esac
  text=${text//"$1"/"$2"}
}
swap "server 127.0.0.1:8080;" "server 127.0.0.1:$1;"
swap "server 127.0.0.1:8088;" "server 127.0.0.1:$2;"
swap "listen 443 ssl http2;" "listen 127.0.0.1:$3 ssl http2;"
swap "listen [::]:443 ssl http2;" ""
swap "listen 80;" "listen 127.0.0.1:$4;"
swap "listen [::]:80;" ""
swap "/etc/chamber/tls/fullchain.pem" "$5"
swap "/etc/chamber/tls/privkey.pem" "$6"
swap "/var/cache/chamber-nginx" "$7"
printf '%s\n' "$text"
