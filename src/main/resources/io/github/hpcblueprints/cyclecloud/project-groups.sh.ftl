[#include "script-header.ftl"]

# name gid members (comma-separated; - for none)
PROJECTS=(
[#list projects as p]
  [=p]
[/#list]
)
[#noparse]

# set_members GROUP MEMBERS: the member list of GROUP in /etc/group (members need not exist yet: CycleCloud
# creates cluster users later in the boot)
set_members() {
  local group="$1" members="$2" file="$ROOT/etc/group" tmp
  [[ "$members" == "-" ]] && members=""
  tmp="$(mktemp)"
  awk -F: -v OFS=: -v g="$group" -v m="$members" '$1 == g { $4 = m } { print }' "$file" >"$tmp"
  if cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
    return
  fi
  cat "$tmp" >"$file" # keeps the file's owner and mode
  rm -f "$tmp"
  log "members of $group: ${members:-none}"
}

for entry in "${PROJECTS[@]}"; do
  read -r name gid members <<<"$entry"
  group="proj-$name"
  if ! getent group "$group" >/dev/null; then
    groupadd --gid "$gid" "$group"
    log "created group $group ($gid)"
  fi
  set_members "$group" "$members"
done
[/#noparse]