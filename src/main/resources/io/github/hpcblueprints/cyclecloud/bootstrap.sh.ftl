[#include "script-header.ftl"]

# Run by the systemd unit hpcb-bootstrap.service at every boot until it has completed once (it writes
# /var/lib/hpcb/bootstrap.done); systemd starts it again after a failure. Each step checks what is already done.

# What this server is for; everything Azure decides at deployment (names, ids, addresses) comes from the
# instance metadata service (userData), and the administrator password only ever from Key Vault.
CLUSTER=[=cluster]
TEMPLATE_NAME=[=templateName]
CYCLECLOUD_PACKAGE=[=package]
JAVA_PACKAGE=[=java]
SECRET_NAME=cyclecloud-admin-password
ENTRA_SIGN_IN=[=entraSignIn]
SUBSCRIPTION_READS=[=subscriptionReads]
# Slurm accounting: the database password joins the cluster's parameters when the cluster is created
ACCOUNTING=[=accounting]
ACCEPT_MARKETPLACE_TERMS=[=marketplaceTerms]

IMDS="${HPCB_IMDS:-http://169.254.169.254}"
STATE="$ROOT/var/lib/hpcb"
CS="$ROOT/opt/cycle_server"
FILES="$ROOT/opt/hpcb"
LOG_FILE="$ROOT/var/log/hpcb-bootstrap.log"
CLI_CONFIG="$ROOT/root/.cycle/config.ini"
export DEBIAN_FRONTEND=noninteractive

mkdir -p "$STATE" "$(dirname "$LOG_FILE")"
exec 2> >(tee -a "$LOG_FILE" >&2)
umask 077

# The CLI keeps the administrator's password in its configuration: it is made for this run and removed at its end,
# however the run ends. An administrator who wants the CLI runs cyclecloud initialize (README, "Operate").
SECRET_PARAMS=""
trap 'rm -f "$CLI_CONFIG" ${SECRET_PARAMS:+"$SECRET_PARAMS"}' EXIT

[#include "vm-functions.ftl"]
# token RESOURCE: an access token of CycleCloud's identity (named: the VM has no other)
token() {
  curl -fsS -H Metadata:true \
    "$IMDS/metadata/identity/oauth2/token?api-version=2018-02-01&resource=$1&client_id=$CLIENT_ID" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# call TOKEN URL [curl options...]: an authenticated request whose token travels in a file, never on a command
# line. Prints the HTTP status (000 when the endpoint was not reached); the body goes to $RESPONSE.
call() {
  local headers code
  headers="$(mktemp)"
  printf 'Authorization: Bearer %s\nx-ms-version: 2023-11-03\n' "$1" >"$headers"
  code="$(curl -sS -o "$RESPONSE" -w '%{http_code}' -H @"$headers" "${@:3}" "$2" 2>/dev/null)" || true
  rm -f "$headers"
  printf '%s' "${code:-000}"
}

# vault METHOD: reads (GET) or writes (PUT, body on stdin) the administrator password secret. Prints the secret's
# value; fails with 3 when the secret does not exist, with 1 on any other answer (the caller retries: a new role
# assignment, a private DNS record or a firewall rule takes minutes to reach a new VM).
vault() {
  local code
  RESPONSE="$(mktemp)"
  if [[ "$1" == PUT ]]; then
    code="$(call "$VAULT_TOKEN" "$SECRET_URL" -X PUT -H 'Content-Type: application/json' --data-binary @-)"
  else
    code="$(call "$VAULT_TOKEN" "$SECRET_URL")"
  fi
  # (no set -e in here: callers test the status, which turns errexit off inside the function)
  case "$code" in
    200)
      if ! python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["value"])' "$RESPONSE" 2>/dev/null; then
        log "Key Vault's answer holds no secret value"
        rm -f "$RESPONSE"
        return 1
      fi
      ;;
    404) rm -f "$RESPONSE"; return 3 ;;
    *) log "Key Vault answered HTTP $code for secret $SECRET_NAME"; rm -f "$RESPONSE"; return 1 ;;
  esac
  rm -f "$RESPONSE"
}

# read_password: the secret's value, or exit 3 when it does not exist yet; transient answers are retried
read_password() {
  local status
  for attempt in $(seq 1 "${HPCB_VAULT_ATTEMPTS:-30}"); do
    status=0
    ADMIN_PASSWORD="$(vault GET)" || status=$?
    if [[ "$status" == 0 && -n "$ADMIN_PASSWORD" ]]; then
      return 0
    fi
    if [[ "$status" == 3 ]]; then
      return 3
    fi
    log "Key Vault not readable yet (attempt $attempt); waiting"
    sleep "$(( attempt * ${HPCB_RETRY_DELAY:-10} > 300 ? 300 : attempt * ${HPCB_RETRY_DELAY:-10} ))"
  done
  return 1
}

# ready NAME RESOURCE URL: waits until the VM's identity gets 200 from URL (a role granted by another deployment, a
# storage account still being created): what each later step needs before it starts
ready() {
  local name="$1" resource="$2" url="$3" code
  for attempt in $(seq 1 "${HPCB_READY_ATTEMPTS:-30}"); do
    RESPONSE="$(mktemp)"
    code="$(call "$(token "$resource")" "$url")"
    rm -f "$RESPONSE"
    if [[ "$code" == 200 ]]; then
      return 0
    fi
    log "$name not ready yet (HTTP $code, attempt $attempt); waiting"
    sleep "$(( attempt * ${HPCB_RETRY_DELAY:-10} > 300 ? 300 : attempt * ${HPCB_RETRY_DELAY:-10} ))"
  done
  log "$name never became ready"
  return 1
}

install_cyclecloud() {
  if dpkg-query -W -f='${Status}' cyclecloud8 2>/dev/null | grep -q 'install ok installed'; then
    return
  fi
  log "installing $CYCLECLOUD_PACKAGE and $JAVA_PACKAGE from packages.microsoft.com and the distribution"
  mkdir -p "$ROOT/usr/share/keyrings" "$ROOT/etc/apt/sources.list.d"
  retry 5 curl -fsSL -o "$STATE/microsoft.asc" https://packages.microsoft.com/keys/microsoft.asc
  gpg --dearmor --yes -o "$ROOT/usr/share/keyrings/microsoft.gpg" "$STATE/microsoft.asc"
  echo "deb [arch=amd64 signed-by=/usr/share/keyrings/microsoft.gpg] https://packages.microsoft.com/repos/cyclecloud stable main" \
    >"$ROOT/etc/apt/sources.list.d/cyclecloud.list"
  retry 5 apt-get update
  retry 5 apt-get install -y "$JAVA_PACKAGE" "$CYCLECLOUD_PACKAGE" unzip python3-venv
  # unattended upgrades must not move CycleCloud (or its node agent, where the server has it) to a release nobody
  # tested with this cluster
  apt-mark hold cyclecloud8
  if dpkg-query -W jetpack8 >/dev/null 2>&1; then
    apt-mark hold jetpack8
  fi
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

# The CLI set up the documented way. Its password argument is visible in /proc for the moment the command runs;
# on this server that is only to its administrators, who may read the same secret in Key Vault anyway.
initialize_cli() {
  retry 10 cyclecloud initialize --batch --force --url=https://localhost:443 --verify-ssl=false \
    --username="$ADMIN_USER" --password="$ADMIN_PASSWORD" >/dev/null
}

# The subscription, reached with CycleCloud's identity; the nodes read the locker with their own identity, which
# can do nothing else (CycleCloud's would let anyone on a node create VMs and read the administrator password).
create_account() {
  if cyclecloud account show azure >/dev/null 2>&1; then
    return
  fi
  if [[ "$SUBSCRIPTION_READS" == true ]]; then
    # granted by subscription.json, deployed after this VM: account create fails until CycleCloud can read sizes
    ready "CycleCloud's subscription reads (subscription.json)" https://management.azure.com/ \
      "$ARM/subscriptions/$(fact subscriptionId)/providers/Microsoft.Compute/locations/$(fact region)/usages?api-version=2024-07-01"
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
    "LockerAuthMode": "ManagedIdentity", "LockerIdentity": facts["nodeIdentityId"],
    "AcceptMarketplaceTerms": sys.argv[3] == "true",
}, open(sys.argv[2], "w"), indent=2, sort_keys=True)' "$STATE/facts.json" "$STATE/account.json" "$ACCEPT_MARKETPLACE_TERMS"
  retry 30 cyclecloud account create -f "$STATE/account.json"
  log "subscription added to CycleCloud as account azure"
}

# The cluster's template and parameters: the generated files with their {{fact}} placeholders filled in
cluster_files() {
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
# a placeholder is the dotted name of a fact; anything else in double braces is left as it is
fill = lambda text: re.sub(r"\{\{([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\}\}", lookup, text)
params = json.load(open(sys.argv[2]))
json.dump({k: fill(v) for k, v in params.items()}, open(sys.argv[3], "w"), indent=2, sort_keys=True)
open(sys.argv[5], "w").write(fill(open(sys.argv[4]).read()))' \
    "$STATE/facts.json" "$FILES/cyclecloud/$CLUSTER.parameters.json" "$STATE/$CLUSTER.parameters.json" \
    "$FILES/cyclecloud/$CLUSTER.txt" "$STATE/$CLUSTER.txt"
}

import_cluster() {
  # the locker is created by the same deployment, and its role assignment and DNS record reach this VM late
  ready "the locker $(fact lockerAccount)" https://storage.azure.com/ "$BLOB/cyclecloud?restype=container"
  (cd "$FILES/project" && retry 30 cyclecloud project upload azure-storage)
  cluster_files
  cyclecloud import_template "$TEMPLATE_NAME" -f "$STATE/$CLUSTER.txt" -c "$CLUSTER" --force
  if cyclecloud show_cluster "$CLUSTER" >/dev/null 2>&1; then
    log "cluster $CLUSTER exists; left as it is (to apply a new template: cyclecloud create_cluster" \
      "$TEMPLATE_NAME $CLUSTER -p $STATE/$CLUSTER.parameters.json --force)"
  else
    create_cluster
    log "cluster $CLUSTER created; start it with: cyclecloud start_cluster $CLUSTER"
  fi
}

# create_cluster: with accounting, the database password joins the parameters only here, read from Key Vault into
# a file only root can read, removed as soon as CycleCloud has it
create_cluster() {
  local name status=0 secret
  name="$(fact accountingSecret)"
  if [[ "$ACCOUNTING" != true ]]; then
    cyclecloud create_cluster "$TEMPLATE_NAME" "$CLUSTER" -p "$STATE/$CLUSTER.parameters.json"
    return
  fi
  secret="$(SECRET_NAME="$name" SECRET_URL="$VAULT/secrets/$name?api-version=7.4" vault GET)" || status=$?
  if [[ "$status" != 0 || -z "$secret" ]]; then
    log "the accounting database password ($name) is not readable in Key Vault yet"
    return 1
  fi
  SECRET_PARAMS="$(mktemp "$STATE/parameters.XXXXXX")"
  printf '%s' "$secret" | python3 -c '
import json, sys
params = json.load(open(sys.argv[1]))
params["AccountingPassword"] = sys.stdin.read()
json.dump(params, open(sys.argv[2], "w"), indent=2, sort_keys=True)' "$STATE/$CLUSTER.parameters.json" "$SECRET_PARAMS"
  cyclecloud create_cluster "$TEMPLATE_NAME" "$CLUSTER" -p "$SECRET_PARAMS" || status=$?
  rm -f "$SECRET_PARAMS"
  SECRET_PARAMS=""
  return "$status"
}

retry 30 fetch_facts
CLIENT_ID="$(fact cycleCloudClientId)"
ADMIN_USER="$(fact adminUser)"
# Azure's endpoints; tests point them at stubs on the loopback interface
ARM="${HPCB_ARM_URL:-https://management.azure.com}"
BLOB="${HPCB_BLOB_URL:-https://$(fact lockerAccount).blob.core.windows.net}"
VAULT="${HPCB_VAULT_URL:-https://$(fact keyVaultName).vault.azure.net}"
SECRET_URL="$VAULT/secrets/$SECRET_NAME?api-version=7.4"
VAULT_TOKEN="$(retry 30 token https://vault.azure.net)"

install_cyclecloud
configure_web

status=0
read_password || status=$?
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
  if ! printf '{"value": "%s", "contentType": "CycleCloud administrator password, generated on its first boot"}' \
    "$ADMIN_PASSWORD" | vault PUT >/dev/null; then
    log "cannot write Key Vault secret $SECRET_NAME; the next attempt starts again"
    exit 1
  fi
  log "generated the administrator password into Key Vault secret $SECRET_NAME"
elif [[ "$status" != 0 ]]; then
  log "cannot read Key Vault secret $SECRET_NAME (does CycleCloud's identity hold Key Vault Secrets Officer, and" \
    "does the vault's firewall or private endpoint admit this subnet?); systemd tries again"
  exit 1
fi

create_administrator
install_cli
initialize_cli
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
