[#include "script-header.ftl"]

# sshd reads drop-ins only where its main file includes them (not on every image): make sure it does
config="$ROOT/etc/ssh/sshd_config"
if [[ -f "$config" ]] && ! grep -q '^Include /etc/ssh/sshd_config.d/\*\.conf' "$config"; then
  tmp="$(mktemp)"
  { echo 'Include /etc/ssh/sshd_config.d/*.conf'; cat "$config"; } >"$tmp"
  cat "$tmp" >"$config"
  rm -f "$tmp"
  log "sshd now reads /etc/ssh/sshd_config.d"
fi

if put /etc/ssh/sshd_config.d/10-hpcb.conf 0644 <<'SSHD'
# hpc-blueprints: sign in with a key or Entra ID, never with a password or as root
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
X11Forwarding no
MaxAuthTries 3
SSHD
then
  log "sshd hardened; reloading it"
  systemctl reload ssh 2>/dev/null || systemctl reload sshd
fi

# files users create are not world-readable by default
if put /etc/profile.d/hpcb-umask.sh 0644 <<'UMASK'
umask 027
UMASK
then
  log "default umask 027"
fi
