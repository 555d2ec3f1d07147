// The goal ran in generate-resources, used the profile from the plugin's dependency, and wrote the files.
def out = new File(basedir, 'target/hpc-blueprints/lab')
assert new File(out, 'azuredeploy.json').isFile() : "no azuredeploy.json in ${out}"
assert new File(out, 'azuredeploy.parameters.json').isFile()
def params = new File(out, 'azuredeploy.parameters.json').getText('UTF-8')
assert params.contains('"westeurope"') : 'region should come from the classpath profile'
def template = new File(out, 'azuredeploy.json').getText('UTF-8')
assert template.contains('FAC-7') : 'tags should merge the profile (costCentre) with the blueprint (project)'
assert template.contains('imaging')
assert template.contains('Microsoft.Authorization/policyAssignments') : 'the profile makes the environment hardened (policies on)'
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('hpc-blueprints:') && log.contains(':generate') && log.contains('generated lab')
assert !new File(basedir, 'target/hpc-blueprints').listFiles().any { it.name.startsWith('.') } : 'staging left behind'
return true
