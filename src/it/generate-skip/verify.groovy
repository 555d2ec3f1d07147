// -Dhpcb.skip=true: the goal says it skipped and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('hpc-blueprints:generate skipped')
assert !new File(basedir, 'target/hpc-blueprints').exists()
return true
