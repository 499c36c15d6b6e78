    # The media account of the server on this machine takes the password chamber-media and
    # chamber-archive sign in with (/etc/chamber/media.password). Whichever of chamber-server
    # and chamber-media is configured last does it; doing it again changes nothing.
    if [ -s /etc/chamber/media.password ] && command -v chamberctl >/dev/null; then
        CHAMBER_ACCOUNT_PASSWORD="$(cat /etc/chamber/media.password)" \
            runuser -u chamber -- chamberctl --data /var/lib/chamber/data account \
            --id media --name "Ghi hình / Media" --role media >/dev/null || true
    fi
