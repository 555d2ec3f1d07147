[#include "script-header.ftl"]

# What counts as idle, and for how long (from the blueprint)
PERIOD_MINUTES=[=minutes]
CPU_PERCENT=[=cpuPercent]
GPU_PERCENT=[=gpuPercent]
# instance: sessions, marked processes, CPU and GPU use; server: sessions, and no node of the cluster running
MODE=[=mode]
CLUSTER=[=cluster]
# the Compute API version the templates use
COMPUTE_API=[=computeApi]
[#noparse]

IMDS="${HPCB_IMDS:-http://169.254.169.254}"
# Azure Resource Manager: the only place the token is ever sent
ARM="https://management.azure.com"
STATE="$ROOT/var/lib/hpcb"
# when the VM was first seen idle; under /run, so a VM started again begins a fresh count
SINCE="$ROOT/run/hpcb/idle-since"
NOW="${HPCB_NOW:-$(date +%s)}"
mkdir -p "$(dirname "$SINCE")"

[/#noparse][#include "vm-functions.ftl"][#noparse]
# busy: prints why the VM is in use and succeeds; fails (prints nothing) when it is idle. Anything it cannot
# read counts as use: a wrong guess costs an hour of a VM, the other way a researcher's work.
busy() {
  local sessions marked load cpus gpu nodes
  sessions="$(who | awk '{print $1}' | sort -u | paste -sd, -)"
  if [[ -n "$sessions" ]]; then
    echo "signed in: $sessions"
    return 0
  fi
  # a long job without a terminal: started with HPCB_KEEP_AWAKE=1 in its environment (keep-awake COMMAND)
  marked="$(grep -las 'HPCB_KEEP_AWAKE=1' "$ROOT"/proc/[0-9]*/environ | head -1 || true)"
  if [[ -n "$marked" ]]; then
    marked="${marked%/environ}"
    echo "process ${marked##*/} is marked HPCB_KEEP_AWAKE=1"
    return 0
  fi
  if [[ "$MODE" == server ]]; then
    # the cluster's nodes, as CycleCloud's own data store knows them (no credentials needed as root)
    if ! nodes="$("$ROOT/opt/cycle_server/cycle_server" execute --format json \
      "SELECT Name, State FROM Cloud.Node WHERE ClusterName == \"$CLUSTER\"" 2>/dev/null)"; then
      echo "cannot ask CycleCloud for the cluster's nodes"
      return 0
    fi
    nodes="$(printf '%s' "$nodes" | python3 -c '
import json, sys
print(",".join(n["Name"] for n in json.load(sys.stdin) if n.get("State") not in ("Off", "Terminated", "Deallocated")))' \
      2>/dev/null)" || nodes="unreadable node list"
    if [[ -n "$nodes" ]]; then
      echo "cluster $CLUSTER runs: $nodes"
      return 0
    fi
    return 1
  fi
  # CPU: the five-minute load average over the vCPUs
  read -r _ load _ <"$ROOT/proc/loadavg"
  cpus="$(grep -c '^processor' "$ROOT/proc/cpuinfo" || true)"
  if awk -v l="$load" -v c="${cpus:-1}" -v t="$CPU_PERCENT" 'BEGIN { exit !(c < 1 || l * 100 / c >= t) }'; then
    echo "CPU: load $load on ${cpus:-?} vCPUs"
    return 0
  fi
  if command -v nvidia-smi >/dev/null 2>&1; then
    if ! gpu="$(nvidia-smi --query-gpu=utilization.gpu --format=csv,noheader,nounits | sort -n | tail -1)" ||
      [[ ! "$gpu" =~ ^[0-9]+$ ]]; then
      echo "cannot read GPU use"
      return 0
    fi
    if ((gpu >= GPU_PERCENT)); then
      echo "GPU: ${gpu}%"
      return 0
    fi
  fi
  return 1
}

# token: an access token for Azure Resource Manager. On a research instance the VM's own identity (the metadata
# service gives the system-assigned one when no client id is named); on the server, CycleCloud's.
token() {
  local client=""
  if [[ "$MODE" == server ]]; then
    client="&client_id=$(fact cycleCloudClientId)"
  fi
  curl -fsS -H Metadata:true \
    "$IMDS/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F$client" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

deallocate() {
  local id headers code
  id="$(curl -fsS -H Metadata:true "$IMDS/metadata/instance/compute/resourceId?api-version=2021-02-01&format=text")"
  # the path is spliced into a URL that carries the token: only this shape goes out
  if [[ ! "$id" =~ ^/subscriptions/[0-9a-fA-F-]+/resourceGroups/[A-Za-z0-9._()-]+/providers/Microsoft\.Compute/virtualMachines/[A-Za-z0-9._-]+$ ]]; then
    log "not deallocating: the metadata service gave an unexpected resource id"
    return 1
  fi
  headers="$(mktemp)"
  # the token travels in a file, never on a command line other users can read
  printf 'Authorization: Bearer %s\n' "$(token)" >"$headers"
  code="$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H @"$headers" -H 'Content-Length: 0' \
    "$ARM$id/deallocate?api-version=$COMPUTE_API" 2>/dev/null)" || true
  rm -f "$headers"
  if [[ "$code" != 200 && "$code" != 202 ]]; then
    log "deallocation refused (HTTP ${code:-000}); trying again in five minutes"
    return 1
  fi
  log "deallocating $id"
}

if reason="$(busy)"; then
  if [[ -f "$SINCE" ]]; then
    log "in use again ($reason)"
  fi
  rm -f "$SINCE"
  exit 0
fi
if [[ ! -f "$SINCE" ]]; then
  printf '%s\n' "$NOW" >"$SINCE"
  log "idle; deallocating after $PERIOD_MINUTES idle minutes"
  exit 0
fi
idle=$(((NOW - $(cat "$SINCE")) / 60))
if ((idle < PERIOD_MINUTES)); then
  exit 0
fi
log "idle for $idle minutes (no session, no marked process, CPU below ${CPU_PERCENT}%, GPU below ${GPU_PERCENT}%)"
if deallocate; then
  rm -f "$SINCE"
fi
[/#noparse]
