// Every bad blueprint fails the build with file, line, column, the key and a fix, logged as an error, and nothing
// is written at all (not even the good blueprint beside them). A value only a typed builder refuses (an image
// alias that does not exist) is a located problem too, never "Execution default of goal ... failed".
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('typo.yaml:5:1') : 'the error should name the file, line and column'
assert log.contains("unknown key 'netwrok'")
assert log.contains("did you mean 'network'?")
assert log.contains('oldimage.yaml:10:12 $.researchInstances[0].image') : 'the builder refusal is located'
assert log.contains("image 'ubuntu2004' is not an alias")
assert log.contains('[ERROR]') && log.contains('BUILD FAILURE')
assert !log.contains('Execution default') : 'bad input is a build failure, not a plugin crash'
assert !log.contains('at io.github.hpcblueprints') : 'no stack trace for bad input'
assert !new File(basedir, 'target/hpc-blueprints').exists() : 'nothing may be written'
return true
