#!/usr/bin/env bash
# Prints a time zone in which the local time is now HOUR:xx, e.g. `TZ=$(scripts/tz-at.sh 23)`.
# CI runs the tests in the evening and in the morning of such zones, so a test that reads the
# machine's clock instead of the story's fails whatever hour CI happens to run at.
# Etc/GMT-N is UTC+N (POSIX signs are inverted); offsets -12..+11 cover every hour.
set -euo pipefail
want=${1:?usage: tz-at.sh HOUR}
utc=$(date -u +%-H)
offset=$(( (want - utc + 36) % 24 - 12 ))
if [ "$offset" -eq 0 ]; then echo "Etc/GMT"
elif [ "$offset" -gt 0 ]; then echo "Etc/GMT-$offset"
else echo "Etc/GMT+$(( -offset ))"
fi
