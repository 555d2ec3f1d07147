[#include "script-header.ftl"]

# From the blueprint and the shipped price table ([=priceDate], [=currency]); see the environment's README,
# "How spending is enforced", for the arithmetic.
ORGANISATION=[=organisation]
# partition QOS, and its UsageFactor: its price per CPU-minute over the cheapest partition's
QOS=(
[#list qos as q]
  '[=q.qos] [=q.factor]'
[/#list]
)
# project, GrpTRESMins cpu (its month's budget in the cheapest partition's CPU-minutes; -1: no budget, no limit),
# MaxTRESMinsPerJob cpu (0: no cap), members (comma-separated: the only users who may charge it)
ACCOUNTS=(
[#list accounts as a]
  '[=a.project] [=a.grp] [=a.perJob] [=a.members]'
[/#list]
)
QOS_LIST=[=qosList]
[#noparse]

# sacctmgr answers once slurmdbd, which the Slurm project starts on the scheduler, reaches the database
n=0
until sacctmgr -n -P show cluster >/dev/null 2>&1; do
  n=$((n + 1))
  if ((n >= 60)); then
    log "slurmdbd does not answer: project limits not applied (this script runs again at the next boot)"
    exit 1
  fi
  sleep "${HPCB_RETRY_DELAY:-10}"
done

# same_set A B: whether two comma-separated lists hold the same items
same_set() {
  [[ "$(tr ',' '\n' <<<"$1" | sed '/^$/d' | sort -u | paste -sd, -)" == \
    "$(tr ',' '\n' <<<"$2" | sed '/^$/d' | sort -u | paste -sd, -)" ]]
}

for entry in "${QOS[@]}"; do
  read -r name factor <<<"$entry"
  current="$(sacctmgr -n -P show qos where name="$name" format=Name,UsageFactor)"
  if [[ -z "$current" ]]; then
    sacctmgr -i add qos "$name" UsageFactor="$factor" >/dev/null
    log "QOS $name added, UsageFactor $factor"
  elif ! awk -v a="${current#*|}" -v b="$factor" 'BEGIN { exit !(a + 0 == b + 0) }'; then
    sacctmgr -i modify qos where name="$name" set UsageFactor="$factor" >/dev/null
    log "QOS $name: UsageFactor $factor (was ${current#*|})"
  fi
done

for entry in "${ACCOUNTS[@]}"; do
  read -r account grp per_job members <<<"$entry"
  if [[ -z "$(sacctmgr -n -P show account where name="$account" format=Account)" ]]; then
    sacctmgr -i add account "$account" Description="project $account" Organization="$ORGANISATION" >/dev/null
    log "account $account added"
  fi
  want_grp="cpu=$grp"
  if [[ "$grp" == -1 ]]; then
    want_grp=""
  fi
  want_per_job="cpu=$per_job"
  if [[ "$per_job" == 0 ]]; then
    want_per_job=""
  fi
  # the account's own association has no user; its members' have one each
  assoc="$(sacctmgr -n -P show assoc where account="$account" format=User,GrpTRESMins,MaxTRESMins,QOS)"
  IFS='|' read -r _ have_grp have_per_job have_qos <<<"$(grep '^|' <<<"$assoc" || true)"
  if [[ "$have_grp" != "$want_grp" || "$have_per_job" != "$want_per_job" ]] || ! same_set "$have_qos" "$QOS_LIST"; then
    sacctmgr -i modify account where name="$account" set GrpTRESMins=cpu="$grp" \
      MaxTRESMinsPerJob=cpu="$([[ "$per_job" == 0 ]] && echo -1 || echo "$per_job")" QOS="$QOS_LIST" >/dev/null
    log "account $account: GrpTRESMins=${want_grp:-none}, MaxTRESMinsPerJob=${want_per_job:-none}, QOS $QOS_LIST"
  fi
  declare -A listed=()
  for user in ${members//,/ }; do
    listed[$user]=1
    line="$(grep "^$user|" <<<"$assoc" || true)"
    if [[ -z "$line" ]]; then
      sacctmgr -i add user "$user" account="$account" QOS="$QOS_LIST" >/dev/null
      log "user $user may charge project $account"
    elif ! same_set "${line##*|}" "$QOS_LIST"; then
      sacctmgr -i modify user where name="$user" account="$account" set QOS="$QOS_LIST" >/dev/null
    fi
  done
  # someone the blueprint no longer lists may no longer charge the project
  while IFS='|' read -r user _; do
    if [[ -n "$user" && -z "${listed[$user]:-}" ]]; then
      sacctmgr -i delete user where name="$user" account="$account" >/dev/null
      log "user $user may no longer charge project $account"
    fi
  done <<<"$assoc"
  unset listed
done
[/#noparse]
