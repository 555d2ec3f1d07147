// hpc-blueprints:plan prints a what-if of the blueprint against the local state, with no Azure account, and writes
// nothing (a plan records no state).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('(local: no Azure account used)') : 'the plan is the local one'
assert log.contains('+ Microsoft.Network/virtualNetworks/') : 'the virtual network is to be created'
assert log =~ /Plan: \d+ to create, 0 to modify, 0 to delete, 0 unchanged\./ : 'everything is new'
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, '.hpcb').exists() : 'a plan writes no state'
return true
