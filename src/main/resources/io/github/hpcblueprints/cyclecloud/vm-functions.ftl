# retry ATTEMPTS COMMAND...: role assignments, private DNS and new resources take minutes to reach a new VM.
# Waits double from HPCB_RETRY_DELAY (10 s) up to 5 minutes, so 30 attempts span about two hours.
retry() {
  local attempts="$1" n=0 delay="${HPCB_RETRY_DELAY:-10}"
  shift
  until "$@"; do
    n=$((n + 1))
    if ((n >= attempts)); then
      log "giving up after $n attempts: $1"
      return 1
    fi
    sleep "$delay"
    delay=$((delay * 2 > 300 ? 300 : delay * 2))
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

