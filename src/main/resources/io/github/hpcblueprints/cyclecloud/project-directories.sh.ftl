[#include "script-header.ftl"]

# each project's directory on each shared file system: its members only (setgid keeps new files in the group)
MOUNTS=[=mounts]
PROJECTS=[=projects]
[#noparse]

for mount_point in "${MOUNTS[@]}"; do
  for name in "${PROJECTS[@]}"; do
    dir="$ROOT$mount_point/projects/$name"
    if [[ ! -d "$dir" ]]; then
      mkdir -p "$dir"
      log "created $mount_point/projects/$name"
    fi
    chown "root:proj-$name" "$dir"
    chmod 2770 "$dir"
  done
done
[/#noparse]