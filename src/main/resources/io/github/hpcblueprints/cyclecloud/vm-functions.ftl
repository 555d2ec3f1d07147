# retry ATTEMPTS COMMAND...: role assignments and DNS take a while to reach a new VM
retry() {
  local attempts="$1" n=0
  shift
  until "$@"; do
    n=$((n + 1))
    if ((n >= attempts)); then
      log "giving up after $n attempts: $1"
      return 1
    fi
    sleep "${HPCB_RETRY_DELAY:-10}"
  done
}

# fact NAME: a value from the deployment's facts (dotted names reach into objects)
fact() {
  python3 -c '
import json, sys
value = json.load(open(sys.argv[1]))
for part in sys.argv[2].split("."):
    value = value.get(part, "") if isinstance(value, dict) else ""
print(value)' "$STATE/facts.json" "$1"
}

fetch_facts() {
  curl -fsS -H Metadata:true "$IMDS/metadata/instance/compute/userData?api-version=2021-01-01&format=text" |
    base64 -d >"$STATE/facts.json.new" && mv "$STATE/facts.json.new" "$STATE/facts.json"
}

