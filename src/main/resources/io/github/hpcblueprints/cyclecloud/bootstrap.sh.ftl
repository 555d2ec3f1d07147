[#include "script-header.ftl"]

# What this server is for; everything Azure decides at deployment (names, ids, addresses) comes from the
# instance metadata service (userData), and the administrator password only ever from Key Vault.
CLUSTER=[=cluster]
TEMPLATE_NAME=[=templateName]
CYCLECLOUD_PACKAGE=[=package]
SECRET_NAME=cyclecloud-admin-password
ENTRA_SIGN_IN=[=entraSignIn]

IMDS="${HPCB_IMDS:-http://169.254.169.254}"
STATE="$ROOT/var/lib/hpcb"
CS="$ROOT/opt/cycle_server"
FILES="$ROOT/opt/hpcb"
LOG_FILE="$ROOT/var/log/hpcb-bootstrap.log"
export DEBIAN_FRONTEND=noninteractive

mkdir -p "$STATE" "$(dirname "$LOG_FILE")"
exec 2> >(tee -a "$LOG_FILE" >&2)
umask 077

[#include "vm-functions.ftl"]
# token RESOURCE: an access token of CycleCloud's identity (named: the VM has no other)
token() {
  curl -fsS -H Metadata:true \
    "$IMDS/metadata/identity/oauth2/token?api-version=2018-02-01&resource=$1&client_id=$CLIENT_ID" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# vault METHOD: reads (GET) or writes (PUT, body on stdin) the administrator password secret. The token and the
# body travel in files and pipes, never on a command line. Prints the secret's value; fails with 3 when absent.
vault() {
  local headers response code
  headers="$(mktemp)"
  response="$(mktemp)"
  printf 'Authorization: Bearer %s\n' "$VAULT_TOKEN" >"$headers"
  if [[ "$1" == PUT ]]; then
    code="$(curl -sS -o "$response" -w '%{http_code}' -X PUT -H @"$headers" -H 'Content-Type: application/json' \
      --data-binary @- "$SECRET_URL")"
  else
    code="$(curl -sS -o "$response" -w '%{http_code}' -H @"$headers" "$SECRET_URL")"
  fi
  rm -f "$headers"
  # (no set -e in here: callers test the status, which turns errexit off inside the function)
  case "$code" in
    200)
      if ! python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["value"])' "$response" 2>/dev/null; then
        log "Key Vault's answer holds no secret value"
        rm -f "$response"
        return 1
      fi
      ;;
    404) rm -f "$response"; return 3 ;;
    *) log "Key Vault answered HTTP $code"; rm -f "$response"; return 1 ;;
  esac
  rm -f "$response"
}

install_cyclecloud() {
  if dpkg-query -W -f='${Status}' cyclecloud8 2>/dev/null | grep -q 'install ok installed'; then
    return
  fi
  log "installing $CYCLECLOUD_PACKAGE from packages.microsoft.com"
  mkdir -p "$ROOT/usr/share/keyrings" "$ROOT/etc/apt/sources.list.d"
  curl -fsSL https://packages.microsoft.com/keys/microsoft.asc |
    gpg --dearmor --yes -o "$ROOT/usr/share/keyrings/microsoft.gpg"
  echo "deb [arch=amd64 signed-by=/usr/share/keyrings/microsoft.gpg] https://packages.microsoft.com/repos/cyclecloud stable main" \
    >"$ROOT/etc/apt/sources.list.d/cyclecloud.list"
  retry 5 apt-get update
  retry 5 apt-get install -y "$CYCLECLOUD_PACKAGE" unzip python3-venv
}

# HTTPS on 443 only: users come in through Bastion or a private network, and sign-in redirects expect 443
configure_web() {
  local properties="$CS/config/cycle_server.properties" before
  before="$(cat "$properties")"
  sed -i -e 's/^webServerEnableHttps=.*/webServerEnableHttps=true/' -e 's/^webServerSslPort=.*/webServerSslPort=443/' \
    "$properties"
  if [[ "$before" != "$(cat "$properties")" ]]; then
    log "CycleCloud web server set to HTTPS on 443; restarting it"
    "$CS/cycle_server" restart
  fi
  retry 30 "$CS/cycle_server" await_startup
}

# The administrator is created through CycleCloud's data import: the record holding the password is written
# owner-only, consumed by CycleCloud, then destroyed.
create_administrator() {
  local record="$CS/config/data/hpcb_admin.json" staged
  if [[ -f "$STATE/administrator.created" ]]; then
    return
  fi
  staged="$(mktemp)"
  printf '%s' "$ADMIN_PASSWORD" | python3 -c '
import json, sys
password = sys.stdin.read()
json.dump([
    {"AdType": "Application.Setting", "Name": "cycleserver.installation.initial_user", "Value": sys.argv[2]},
    {"AdType": "AuthenticatedUser", "Name": sys.argv[2], "RawPassword": password, "Superuser": True},
    {"AdType": "Application.Setting", "Name": "cycleserver.installation.complete", "Value": True},
], open(sys.argv[1], "w"))' "$staged" "$ADMIN_USER"
  chown cycle_server:cycle_server "$staged"
  mv "$staged" "$record"
  if ! retry 30 test -e "$record.imported"; then
    log "CycleCloud did not import the administrator record"
    rm -f "$record"
    return 1
  fi
  shred -u "$record.imported" 2>/dev/null || rm -f "$record.imported"
  touch "$STATE/administrator.created"
  log "CycleCloud administrator $ADMIN_USER created (password in Key Vault secret $SECRET_NAME)"
}

install_cli() {
  if command -v cyclecloud >/dev/null 2>&1; then
    return
  fi
  local unpacked
  unpacked="$(mktemp -d)"
  unzip -q "$CS/tools/cyclecloud-cli.zip" -d "$unpacked"
  "$unpacked/cyclecloud-cli-installer/install.sh" --installdir /usr/local/cyclecloud
  ln -sf /usr/local/cyclecloud/bin/cyclecloud "$ROOT/usr/local/bin/cyclecloud"
  rm -rf "$unpacked"
}

configure_cli() {
  if put /root/.cycle/config.ini 0600 <<INI; then
[cyclecloud]
url = https://localhost:443
username = $ADMIN_USER
password = $ADMIN_PASSWORD
verify_certificates = false
INI
    log "CycleCloud CLI configured for $ADMIN_USER"
  fi
}

# The subscription, reached with the VM's identity; the locker is read and written with the same identity
# (the locker storage account takes no keys).
create_account() {
  if cyclecloud account show azure >/dev/null 2>&1; then
    return
  fi
  python3 -c '
import json, sys
facts = json.load(open(sys.argv[1]))
json.dump({
    "Name": "azure", "Provider": "azure", "Environment": "public", "DefaultAccount": True,
    "AzureRMUseManagedIdentity": True, "AzureRMSubscriptionId": facts["subscriptionId"],
    "ProviderId": facts["subscriptionId"], "AzureRMTenantId": facts["tenantId"],
    "AzureResourceGroup": facts["resourceGroup"], "Location": facts["region"],
    "RMStorageAccount": facts["lockerAccount"], "RMStorageContainer": "cyclecloud",
    "LockerAuthMode": "ManagedIdentity", "LockerIdentity": facts["cycleCloudIdentityId"],
}, open(sys.argv[2], "w"), indent=2, sort_keys=True)' "$STATE/facts.json" "$STATE/account.json"
  retry 30 cyclecloud account create -f "$STATE/account.json"
  log "subscription added to CycleCloud as account azure"
}

# The cluster's parameters: the generated file with its {{fact}} placeholders filled in
cluster_parameters() {
  python3 -c '
import json, re, sys
facts = json.load(open(sys.argv[1]))
sub = facts["clusterSubnetId"].split("/")
# CycleCloud names a subnet resource-group/virtual-network/subnet
facts["clusterSubnet"] = "/".join([sub[4], sub[8], sub[10]])
def lookup(match):
    value = facts
    for part in match.group(1).split("."):
        value = value[part]
    return str(value)
params = json.load(open(sys.argv[2]))
json.dump({k: re.sub(r"\{\{([A-Za-z0-9_.]+)\}\}", lookup, v) for k, v in params.items()},
          open(sys.argv[3], "w"), indent=2, sort_keys=True)' \
    "$STATE/facts.json" "$FILES/cyclecloud/$CLUSTER.parameters.json" "$STATE/$CLUSTER.parameters.json"
}

import_cluster() {
  (cd "$FILES/project" && retry 10 cyclecloud project upload azure-storage)
  cyclecloud import_template "$TEMPLATE_NAME" -f "$FILES/cyclecloud/$CLUSTER.txt" -c "$CLUSTER" --force
  cluster_parameters
  if cyclecloud show_cluster "$CLUSTER" >/dev/null 2>&1; then
    log "cluster $CLUSTER exists; left as it is (to apply a new template: cyclecloud create_cluster" \
      "$TEMPLATE_NAME $CLUSTER -p $STATE/$CLUSTER.parameters.json --force)"
  else
    cyclecloud create_cluster "$TEMPLATE_NAME" "$CLUSTER" -p "$STATE/$CLUSTER.parameters.json"
    log "cluster $CLUSTER created; start it with: cyclecloud start_cluster $CLUSTER"
  fi
}

retry 30 fetch_facts
CLIENT_ID="$(fact cycleCloudClientId)"
ADMIN_USER="$(fact adminUser)"
SECRET_URL="https://$(fact keyVaultName).vault.azure.net/secrets/$SECRET_NAME?api-version=7.4"
VAULT_TOKEN="$(retry 30 token https://vault.azure.net)"

install_cyclecloud
configure_web

status=0
ADMIN_PASSWORD="$(vault GET)" || status=$?
if [[ "$status" == 3 ]]; then
  ADMIN_PASSWORD="$(python3 -c '
import secrets, string
symbols = "-_.!"
alphabet = string.ascii_letters + string.digits + symbols
while True:
    p = "".join(secrets.choice(alphabet) for _ in range(32))
    if any(c.islower() for c in p) and any(c.isupper() for c in p) and any(c.isdigit() for c in p) \
            and any(c in symbols for c in p):
        print(p)
        break')"
  printf '{"value": "%s", "contentType": "CycleCloud administrator password, generated on its first boot"}' \
    "$ADMIN_PASSWORD" | vault PUT >/dev/null
  log "generated the administrator password into Key Vault secret $SECRET_NAME"
elif [[ "$status" != 0 || -z "$ADMIN_PASSWORD" ]]; then
  log "cannot read Key Vault secret $SECRET_NAME (does CycleCloud's identity hold Key Vault Secrets Officer?)"
  exit 1
fi

create_administrator
install_cli
configure_cli
create_account
if [[ -n "$CLUSTER" ]]; then
  import_cluster
fi
if [[ "$ENTRA_SIGN_IN" == true ]]; then
  log "Entra ID sign-in: in CycleCloud, Settings > Authentication > Entra ID, tenant $(fact tenantId)," \
    "client id $(fact entraClientId) (the app registration the README describes)"
fi

address="$(hostname -I | awk '{print $1}')"
printf 'cluster=%s\nurl=https://%s/\n' "$CLUSTER" "$address" >"$STATE/bootstrap.done"
log "done: CycleCloud is ready at https://$address/"
