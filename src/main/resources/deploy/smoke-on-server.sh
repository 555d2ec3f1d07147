#!/usr/bin/env bash
# hpcb smoke's step on the CycleCloud server, run as root over SSH with this script on stdin:
#   bash -s -- CLUSTER ADMIN NODE PARTITION MINUTES
# starts the cluster, waits up to MINUTES for NODE (a node's name or its node array) to be Started, then runs one
# job on PARTITION from that node as CycleCloud's VM agent user: the cyclecloud user every node has, with its key at
# /opt/cycle_server/.ssh/cyclecloud.pem on the server ("Cluster User Management", CycleCloud's documentation).
# Every line it prints starts with "smoke:"; the job's own output follows "smoke: job output:".
set -euo pipefail
cluster="$1" admin="$2" node="$3" partition="$4" minutes="$5"
ROOT="${HPCB_ROOT:-}" # tests run the script against a scratch root; empty on a real server

say() { printf 'smoke: %s\n' "$*"; }

# The CLI keeps the administrator's password in its configuration: it gets a home of its own for this run, removed
# at its end however the run ends (the bootstrap removes its own configuration in the same way).
HOME="$(mktemp -d)"
export HOME
trap 'rm -rf "$HOME"' EXIT
cyclecloud initialize --batch --force --url=https://localhost:443 --verify-ssl=false --username="$admin" \
  --password="$("$ROOT/opt/hpcb/show-admin-password")" >/dev/null

if cyclecloud start_cluster "$cluster" >/dev/null 2>&1; then
  say "cluster $cluster starting"
else
  say "cluster $cluster was already started"
fi
say "waiting up to $minutes minutes for $node"

# the private address of a Started node called NODE or in node array NODE (its Template; CycleCloud names an array's
# nodes NODE-1, NODE-2 ...), from show_nodes' JSON
address_of() {
  cyclecloud show_nodes -c "$cluster" --states=Started --format=json | python3 -c '
import json, sys
want, nodes = sys.argv[1], json.load(sys.stdin)
for n in nodes if isinstance(nodes, list) else [nodes]:
    ip, name = (n.get("Instance") or {}).get("PrivateIp"), str(n.get("Name", ""))
    if ip and (want in (name, n.get("Template")) or name.startswith(want + "-")):
        print(ip)
        break' "$node"
}

deadline=$((SECONDS + minutes * 60))
address=""
until address="$(address_of)" && [[ -n "$address" ]]; do
  if ((SECONDS >= deadline)); then
    say "failed: $node was not Started after $minutes minutes (cyclecloud show_nodes -c $cluster says why)"
    exit 1
  fi
  sleep "${HPCB_SMOKE_POLL:-30}"
done
say "$node is Started at $address"

# root runs the job (sudo on the node): the accounting database, where there is one, has root's association from
# the start, while the cyclecloud user has none
status=0
output="$(ssh -i "$ROOT/opt/cycle_server/.ssh/cyclecloud.pem" -o BatchMode=yes -o StrictHostKeyChecking=no \
  -o UserKnownHostsFile=/dev/null -o ConnectTimeout=60 "cyclecloud@$address" \
  "timeout $((minutes * 60)) sudo srun --partition=$partition --nodes=1 --time=10 hostname" 2>&1)" || status=$?
say "job output:"
printf '%s\n' "$output"
if ((status != 0)); then
  say "failed: srun --partition=$partition hostname on $node exited $status"
  exit "$status"
fi
say "ran: srun --partition=$partition hostname on $node printed $(printf '%s' "$output" | tail -n 1)"
