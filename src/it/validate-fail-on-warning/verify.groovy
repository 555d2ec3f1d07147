// A blueprint with no budget has a COST warning; with failOn=warning the build fails and names rule, file and fix.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('HPCB-COST-001') : 'the missing budget is reported'
assert log.contains('no budget covers this deployment')
assert log.contains("1 finding(s) at or above 'warning'") : 'the failure says why the build failed'
assert log.contains('hpcb rules explain ID')
assert !log.contains('at io.github.hpcblueprints') : 'no stack trace for findings'
// a finding is logged at its own level, so the build log's warnings are the real warnings
assert log.readLines().any { it.startsWith('[WARNING]') && it.contains('HPCB-COST-001') } : 'a warning finding is a [WARNING]'
assert !log.readLines().any { it.startsWith('[INFO]') && it.contains('HPCB-COST-001') && it.contains('warning') }
return true
