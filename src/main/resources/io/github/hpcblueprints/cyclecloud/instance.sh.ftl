[#include "script-header.ftl"]

INSTANCE=[=instance]
PROJECT=[=project]
# kind mount-point target (share or volume; - for none)
MOUNTS=(
[#list mounts as m]
  [=m]
[/#list]
)
[#noparse]

IMDS="${HPCB_IMDS:-http://169.254.169.254}"
STATE="$ROOT/var/lib/hpcb"
LOG_FILE="$ROOT/var/log/hpcb-instance.log"
export DEBIAN_FRONTEND=noninteractive

mkdir -p "$STATE" "$(dirname "$LOG_FILE")"
exec 2> >(tee -a "$LOG_FILE" >&2)

[/#noparse][#include "vm-functions.ftl"][#include "aznfs-functions.ftl"][#noparse]
installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# the tools a researcher expects on a fresh analysis machine
install_tools() {
  local wanted=(git tmux htop build-essential python3-venv python3-pip environment-modules nfs-common azcopy)
  local missing=() p
  for p in "${wanted[@]}"; do
    installed "$p" || missing+=("$p")
  done
  if ((${#missing[@]} > 0)); then
    microsoft_repository
    retry 5 apt-get install -y "${missing[@]}"
    log "installed ${missing[*]}"
  fi
}

mount_azure_files() { # mount-point share
  mount_aznfs "$(fact nfsAccount).file.core.windows.net" "/$(fact nfsAccount)/$2" "$1"
}

mount_lustre() { # mount-point
  local mgs package
  mgs="$(fact lustreMgsAddress)"
  if ! command -v lfs >/dev/null 2>&1; then
    local codename
    # shellcheck source=/dev/null
    codename="$(. "$ROOT/etc/os-release" && echo "$VERSION_CODENAME")"
    mkdir -p "$ROOT/usr/share/keyrings"
    curl -fsSL https://packages.microsoft.com/keys/microsoft.asc |
      gpg --dearmor --yes -o "$ROOT/usr/share/keyrings/microsoft.gpg"
    echo "deb [arch=amd64 signed-by=/usr/share/keyrings/microsoft.gpg] https://packages.microsoft.com/repos/amlfs-$codename/ $codename main" \
      >"$ROOT/etc/apt/sources.list.d/amlfs.list"
    retry 5 apt-get update
    # the newest client built for the running kernel
    package="$(apt-cache search --names-only '^amlfs-lustre-client-' | awk '{print $1}' | sort -V | tail -n 1)"
    retry 5 apt-get install -y "$package=$(uname -r)"
  fi
  fstab "$mgs@tcp:/lustrefs $1 lustre noatime,flock,_netdev,x-systemd.automount 0 0"
  mountpoint -q "$1" || mount -t lustre -o noatime,flock "$mgs@tcp:/lustrefs" "$1"
}

mount_netapp() { # mount-point volume
  local address
  address="$(fact netappAddress)"
  fstab "$address:/$2 $1 nfs rw,hard,rsize=262144,wsize=262144,vers=3,tcp,_netdev 0 0"
  mountpoint -q "$1" || mount -t nfs -o rw,hard,rsize=262144,wsize=262144,vers=3,tcp "$address:/$2" "$1"
}

retry 30 fetch_facts
if command -v apt-get >/dev/null 2>&1; then
  install_tools
else
  log "not an apt-based image: tools and mount helpers are not installed automatically"
fi

for entry in "${MOUNTS[@]}"; do
  read -r kind mount_point target <<<"$entry"
  mkdir -p "$ROOT$mount_point"
  case "$kind" in
    azurefiles) mount_azure_files "$mount_point" "$target" ;;
    lustre) mount_lustre "$mount_point" ;;
    netapp) mount_netapp "$mount_point" "$target" ;;
  esac
  log "$mount_point ready"
done

# The project's data is reached with the VM's project identity: azcopy signs in with it by itself.
if [[ -n "$PROJECT" ]] && put /etc/profile.d/hpcb-project.sh 0644 <<PROFILE; then
# hpc-blueprints: project $PROJECT on $INSTANCE
export HPCB_PROJECT=$PROJECT
export HPCB_PROJECT_DATA=https://$(fact dataAccount).blob.core.windows.net/project-$PROJECT
export AZCOPY_AUTO_LOGIN_TYPE=MSI
export AZCOPY_MSI_CLIENT_ID=$(fact identityClientId)
PROFILE
  log "project $PROJECT: data at https://$(fact dataAccount).blob.core.windows.net/project-$PROJECT"
fi

printf 'instance=%s\n' "$INSTANCE" >"$STATE/instance.done"
log "done: $INSTANCE is ready"
[/#noparse]