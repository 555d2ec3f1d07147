// A misspelled key fails the build with file, line, column, the key and a fix, and nothing is written at all
// (not even the good blueprint beside it).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('typo.yaml:5:1') : 'the error should name the file, line and column'
assert log.contains("unknown key 'netwrok'")
assert log.contains("did you mean 'network'?")
assert !log.contains('at io.github.hpcblueprints') : 'no stack trace for bad input'
assert !new File(basedir, 'target/hpc-blueprints').exists() : 'nothing may be written'
return true
