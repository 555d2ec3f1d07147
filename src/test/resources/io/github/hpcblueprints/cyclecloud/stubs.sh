#!/usr/bin/env bash
# Test doubles for the commands our generated scripts run. Every call is recorded (one line, arguments %q-quoted)
# in $STUB_STATE/calls.log; state that a real system would keep (installed packages, mounts, the Key Vault secret,
# CycleCloud's account and cluster) lives in $STUB_STATE, files the scripts expect live under $HPCB_ROOT.
set -euo pipefail
name="$1"
shift
{
  printf '%s' "$name"
  printf ' %q' "$@"
  printf '\n'
} >>"$STUB_STATE/calls.log"

arg_after() { # arg_after FLAG ARGS...: the value following FLAG
  local flag="$1"
  shift
  while (($# > 0)); do
    if [[ "$1" == "$flag" ]]; then
      echo "$2"
      return
    fi
    shift
  done
}

url_of() {
  local a
  for a in "$@"; do
    if [[ "$a" == http* ]]; then
      echo "$a"
      return
    fi
  done
}

case "$name" in
  curl)
    url="$(url_of "$@")"
    out="$(arg_after -o "$@")"
    code=200
    # every header sent, with where it went: -H VALUE, or -H @FILE (the file's lines)
    prev=""
    for a in "$@"; do
      if [[ "$prev" == -H ]]; then
        if [[ "$a" == @* && -f "${a#@}" ]]; then
          while IFS= read -r line; do printf '%s\t%s\n' "$url" "$line"; done <"${a#@}"
        else
          printf '%s\t%s\n' "$url" "$a"
        fi
      fi
      prev="$a"
    done >>"$STUB_STATE/headers.log"
    case "$url" in
      *metadata/instance/compute/resourceId*)
        body="$(cat "$STUB_STATE/resourceid" 2>/dev/null ||
          echo /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-analysis/providers/Microsoft.Compute/virtualMachines/vm-analysis-viz01)"
        ;;
      https://management.azure.com/*/deallocate*)
        code="$(cat "$STUB_STATE/arm.status" 2>/dev/null || echo 202)"
        body=""
        echo "$url" >>"$STUB_STATE/deallocated"
        ;;
      *metadata/instance/compute/userData*) body="$(cat "$STUB_STATE/userdata.b64")" ;;
      *metadata/identity/oauth2/token*) body='{"access_token": "'"$STUB_TOKEN"'", "expires_in": "3599"}' ;;
      *vault.azure.net/secrets/*)
        if [[ -f "$STUB_STATE/vault.status" ]]; then
          code="$(cat "$STUB_STATE/vault.status")"
          body='{"error": {"code": "Forbidden"}}'
        elif [[ " $* " == *" PUT "* ]]; then
          cat >"$STUB_STATE/secret.json"
          body="$(cat "$STUB_STATE/secret.json")"
        elif [[ -f "$STUB_STATE/secret.json" ]]; then
          body="$(cat "$STUB_STATE/secret.json")"
        else
          body='{"error": {"code": "SecretNotFound"}}'
          code=404
        fi
        ;;
      *) body="stub content of $url" ;;
    esac
    if [[ -n "$out" ]]; then
      printf '%s' "$body" >"$out"
    else
      printf '%s' "$body"
    fi
    if [[ " $* " == *" -w "* ]]; then
      printf '%s' "$code"
    fi
    ;;
  gpg) out="$(arg_after -o "$@")"; cat >"$out" ;;
  apt-get)
    if [[ "${1:-}" == install ]]; then
      for p in "$@"; do
        touch "$STUB_STATE/installed.${p%%=*}"
        if [[ "$p" == aznfs ]]; then
          mkdir -p "$HPCB_ROOT/sbin"
          printf '#!/bin/sh\n' >"$HPCB_ROOT/sbin/mount.aznfs"
          chmod +x "$HPCB_ROOT/sbin/mount.aznfs"
        fi
      done
    fi
    ;;
  dpkg-query)
    pkg="${*: -1}"
    if [[ -f "$STUB_STATE/installed.$pkg" ]]; then printf 'install ok installed'; else exit 1; fi
    ;;
  dpkg) mkdir -p "$HPCB_ROOT/etc/apt/sources.list.d"; touch "$HPCB_ROOT/etc/apt/sources.list.d/microsoft-prod.list" ;;
  apt-cache) printf 'amlfs-lustre-client-2.15.8-33-g79ddf99 - Lustre client metapackage\n' ;;
  uname) echo 5.15.0-1075-azure ;;
  hostname) echo "10.40.0.4 " ;;
  lfs) exit 0 ;;
  systemctl) [[ "${1:-}" == is-active ]] && exit 3 || exit 0 ;;
  mount) touch "$STUB_STATE/mounted.$(echo "${*: -1}" | tr / _)" ;;
  mountpoint) [[ -f "$STUB_STATE/mounted.$(echo "${*: -1}" | tr / _)" ]] ;;
  getent) grep -q "^$2:" "$HPCB_ROOT/etc/group" && grep "^$2:" "$HPCB_ROOT/etc/group" ;;
  groupadd) echo "$3:x:$2:" >>"$HPCB_ROOT/etc/group" ;;
  jetpack) python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$STUB_STATE/jetpack.json" "$2" ;;
  cyclecloud)
    case "$1 ${2:-}" in
      "account show") [[ -f "$STUB_STATE/cc.account" ]] ;;
      "account create") cp "$(arg_after -f "$@")" "$STUB_STATE/cc.account" ;;
      "show_cluster "*) [[ -f "$STUB_STATE/cc.cluster" ]] ;;
      "create_cluster "*) cp "$(arg_after -p "$@")" "$STUB_STATE/cc.cluster" ;;
      *) exit 0 ;;
    esac
    ;;
  cycle_server)
    if [[ "${1:-}" == execute && -f "$STUB_STATE/nodes.json" ]]; then
      cat "$STUB_STATE/nodes.json"
    fi
    ;;
  sacctmgr)
    # a small Slurm accounting database, enough for the commands our accounts script runs
    python3 - "$@" <<'PY'
import json, os, sys
state = os.environ["STUB_STATE"]
path = os.path.join(state, "slurmdb.json")
db = json.load(open(path)) if os.path.exists(path) else {"qos": {}, "accounts": {}, "users": {}}
args = [a for a in sys.argv[1:] if a not in ("-n", "-P", "-i")]
verb, entity, rest = args[0], args[1], args[2:]
def kv(tokens):
    return dict(t.split("=", 1) for t in tokens if "=" in t)
cut = rest.index("set") if "set" in rest else len(rest)
where, sets = kv(rest[:cut]), kv(rest[cut + 1:])
if verb == "show" and entity == "cluster":
    down = os.path.join(state, "slurmdbd.down")
    if os.path.exists(down):
        left = int(open(down).read() or "0")
        if left > 0:
            open(down, "w").write(str(left - 1))
            sys.exit(1)
    print("lab|")
elif verb == "show" and entity == "qos":
    q = db["qos"].get(where["name"])
    if q:
        print(where["name"] + "|" + q["UsageFactor"])
elif verb == "show" and entity == "account":
    if where["name"] in db["accounts"]:
        print(where["name"])
elif verb == "show" and entity == "assoc":
    a = db["accounts"].get(where["account"])
    if a:
        print("|" + a["GrpTRESMins"] + "|" + a["MaxTRESMins"] + "|" + a["QOS"])
        for key in sorted(db["users"]):
            user, account = key.split("|")
            if account == where["account"]:
                print(user + "|||" + db["users"][key]["QOS"])
elif verb == "add":
    name, opts = rest[0], kv(rest[1:])
    if entity == "qos":
        db["qos"][name] = {"UsageFactor": "%.6f" % float(opts.get("UsageFactor", "1"))}
    elif entity == "account":
        db["accounts"][name] = {"GrpTRESMins": "", "MaxTRESMins": "", "QOS": "normal"}
    elif entity == "user":
        if opts["account"] not in db["accounts"]:
            print("Invalid account", file=sys.stderr)
            sys.exit(1)
        db["users"][name + "|" + opts["account"]] = {"QOS": opts.get("QOS", "normal")}
elif verb == "modify" and entity == "qos":
    db["qos"][where["name"]]["UsageFactor"] = "%.6f" % float(sets["UsageFactor"])
elif verb == "modify" and entity == "account":
    a = db["accounts"][where["name"]]
    limit = lambda v: "" if v.endswith("=-1") else v
    a["GrpTRESMins"] = limit(sets.get("GrpTRESMins", a["GrpTRESMins"]))
    a["MaxTRESMins"] = limit(sets.get("MaxTRESMinsPerJob", a["MaxTRESMins"]))
    a["QOS"] = sets.get("QOS", a["QOS"])
elif verb == "modify" and entity == "user":
    db["users"][where["name"] + "|" + where["account"]]["QOS"] = sets["QOS"]
elif verb == "delete" and entity == "user":
    del db["users"][where["name"] + "|" + where["account"]]
else:
    print("stub sacctmgr does not know: " + " ".join(sys.argv[1:]), file=sys.stderr)
    sys.exit(2)
json.dump(db, open(path, "w"), indent=1, sort_keys=True)
PY
    ;;
  who) cat "$STUB_STATE/who" 2>/dev/null || true ;;
  nvidia-smi)
    if [[ -f "$STUB_STATE/nvidia-smi.fail" ]]; then
      echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver" >&2
      exit 9
    fi
    cat "$STUB_STATE/gpu-use"
    ;;
  sleep)
    # time passes: CycleCloud imports what was dropped into its data folder
    for f in "$HPCB_ROOT"/opt/cycle_server/config/data/*.json; do
      if [[ -e "$f" ]]; then mv "$f" "$f.imported"; fi
    done
    ;;
  *) exit 0 ;;
esac
