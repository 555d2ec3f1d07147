[#include "script-header.ftl"]

# Run as root on the CycleCloud server (sign in through Bastion): the vault admits this server's subnet or private
# endpoint, never a workstation, and this server's identity may read the secret. The password goes to stdout only.
IMDS="${HPCB_IMDS:-http://169.254.169.254}"
STATE="$ROOT/var/lib/hpcb"

[#include "vm-functions.ftl"]
if [[ ! -f "$STATE/facts.json" ]]; then
  retry 3 fetch_facts
fi
client_id="$(fact cycleCloudClientId)"
url="${HPCB_VAULT_URL:-https://$(fact keyVaultName).vault.azure.net}/secrets/cyclecloud-admin-password?api-version=7.4"
headers="$(mktemp)"
response="$(mktemp)"
trap 'rm -f "$headers" "$response"' EXIT
curl -fsS -H Metadata:true \
  "$IMDS/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net&client_id=$client_id" |
  python3 -c 'import json, sys; print("Authorization: Bearer " + json.load(sys.stdin)["access_token"])' >"$headers"
code="$(curl -sS -o "$response" -w '%{http_code}' -H @"$headers" "$url")" || code=000
if [[ "$code" != 200 ]]; then
  log "Key Vault answered HTTP $code (404: the bootstrap has not created the password yet)"
  exit 1
fi
python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["value"])' "$response"
