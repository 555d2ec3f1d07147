# Microsoft's package repository for this distribution (azcopy, aznfs): the packages-microsoft-prod package
# (Microsoft's Linux repository instructions), then a fresh package index
microsoft_repository() {
  if [[ -f "$ROOT/etc/apt/sources.list.d/microsoft-prod.list" || -f "$ROOT/etc/yum.repos.d/microsoft-prod.repo" ]]; then
    return
  fi
  local release
  # shellcheck source=/dev/null
  release="$(. "$ROOT/etc/os-release" && echo "$VERSION_ID")"
  if command -v apt-get >/dev/null 2>&1; then
    curl -fsSL -o "$STATE/packages-microsoft-prod.deb" \
      "https://packages.microsoft.com/config/ubuntu/$release/packages-microsoft-prod.deb"
    dpkg -i "$STATE/packages-microsoft-prod.deb"
    retry 5 apt-get update
  else
    retry 5 dnf install -y "https://packages.microsoft.com/config/rhel/${release%%.*}/packages-microsoft-prod.rpm"
  fi
}

fstab() {
  if ! grep -qxF "$1" "$ROOT/etc/fstab" 2>/dev/null; then
    echo "$1" >>"$ROOT/etc/fstab"
  fi
}

# mount_aznfs ADDRESS EXPORT-PATH MOUNT-POINT: an Azure Files NFS share over TLS (AZNFS wraps the NFS mount; the
# share requires encryption in transit), in /etc/fstab and mounted now
mount_aznfs() {
  if [[ ! -x "$ROOT/sbin/mount.aznfs" ]]; then
    log "installing the AZNFS mount helper"
    microsoft_repository
    if command -v apt-get >/dev/null 2>&1; then
      AZNFS_NONINTERACTIVE_INSTALL=1 retry 5 apt-get install -y aznfs
    else
      AZNFS_NONINTERACTIVE_INSTALL=1 retry 5 dnf install -y aznfs
    fi
  fi
  mkdir -p "$ROOT$3"
  fstab "$1:$2 $3 aznfs vers=4.1,_netdev,nofail 0 0"
  if ! mountpoint -q "$3"; then
    mount -t aznfs -o vers=4.1 "$1:$2" "$3"
    log "mounted $1:$2 at $3 (TLS)"
  fi
}
