#!/usr/bin/env bash
# Set up, make a demo data folder once, and open OC Desktop on it.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
DATA=${OC_DESKTOP_DEMO_DIR:-demo-data}
if [ ! -f "$DATA/oc-desktop.sqlite3" ]; then
  .venv/bin/oc-desktop demo --data-dir "$DATA" --documents "${OC_DESKTOP_DEMO_DOCUMENTS:-20000}"
fi
echo "ຜູ້ໃຊ້ຕົວຢ່າງ: admin, clerk, clerk2, head, staff, accountant, reader; ລະຫັດຜ່ານ demo-<ຊື່ຜູ້ໃຊ້>."
echo "(Demo users as above; password demo-<user name>.)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
  echo "ບໍ່ມີໜ້າຈໍ: ເປີດໂປຣແກຣມໃນໜ້າຈໍສະເໝືອນ (Xvfb). (No screen here: a virtual screen is used.)"
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/oc-desktop --data-dir "$DATA" "$@"
fi
exec .venv/bin/oc-desktop --data-dir "$DATA" "$@"
