[#include "script-header.ftl"]

address="$(jetpack config hpcb.azurefiles.address)"
export_path="$(jetpack config hpcb.azurefiles.export_path)"
mount_point="$(jetpack config hpcb.azurefiles.mountpoint)"

# AZNFS wraps the NFS mount in TLS: the share requires encryption in transit
if [[ ! -x "$ROOT/sbin/mount.aznfs" ]]; then
  log "installing the AZNFS mount helper"
  if command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive AZNFS_NONINTERACTIVE_INSTALL=1 apt-get install -y aznfs
  else
    AZNFS_NONINTERACTIVE_INSTALL=1 dnf install -y aznfs
  fi
fi

mkdir -p "$ROOT$mount_point"
entry="$address:$export_path $mount_point aznfs vers=4.1,_netdev,nofail 0 0"
if ! grep -qxF "$entry" "$ROOT/etc/fstab" 2>/dev/null; then
  echo "$entry" >>"$ROOT/etc/fstab"
  log "added $mount_point to /etc/fstab"
fi
if ! mountpoint -q "$mount_point"; then
  mount -t aznfs -o vers=4.1 "$address:$export_path" "$mount_point"
  log "mounted $address:$export_path at $mount_point (TLS)"
fi
