// hpc-blueprints:validate runs in verify, reports the blueprint's notes and suppressions, and passes (no errors).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('hpc-blueprints:') && log.contains(':validate') : 'the goal should run in the verify phase'
assert log.contains('0 error(s), 0 warning(s)') : 'the default blueprint has no errors or warnings'
assert log.contains('HPCB-ACCESS-010') && log.contains('Short-lived course cluster') : 'suppressions are listed with reasons'
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/hpc-blueprints').exists() : 'validate writes nothing'
return true
