[#include "script-header.ftl"]

# The node's cloud-init (CloudInit in the cluster template), which runs before CycleCloud configures the node: the
# share is mounted before CycleCloud creates the users' homes on it, so they land on the share, not under it.
# The CycleCloud server fills in the placeholders in double braces from the deployment before it imports the template.
ADDRESS='{{nfsAccount}}.file.core.windows.net'
EXPORT_PATH='/{{nfsAccount}}/[=share]'
MOUNT_POINT='[=mountPoint]'
STATE="$ROOT/var/lib/hpcb"
mkdir -p "$STATE"
[#noparse]
[/#noparse][#include "vm-functions.ftl"][#include "aznfs-functions.ftl"][#noparse]
retry 30 mount_aznfs "$ADDRESS" "$EXPORT_PATH" "$MOUNT_POINT"
[/#noparse]
