// The README's plugin snippet, pasted into a new project: generate writes every blueprint (subfolders too, not
// profiles/) with its manifest, validate judges them in verify, and the build succeeds.
def log = new File(basedir, 'build.log').getText('UTF-8')
def out = new File(basedir, 'target/hpc-blueprints')
assert new File(out, 'teaching/azuredeploy.json').isFile() : 'the top-level blueprint is generated'
assert new File(out, 'physics/azuredeploy.json').isFile() : 'a blueprint in a subfolder is generated too'
assert new File(out, 'teaching/.hpcb-manifest').isFile() : 'the folder carries the manifest of what was written'
assert !new File(out, 'defaults').exists() : 'profiles/ holds profiles, not blueprints'
assert log.contains(':validate') && log.contains('0 error(s), 0 warning(s)')
assert log.contains('BUILD SUCCESS')
return true
