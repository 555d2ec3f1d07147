// hpc-blueprints:docs writes README.md beside what generate wrote, and leaves the rest in place.
def out = new File(basedir, 'target/hpc-blueprints/teaching')
def readme = new File(out, 'README.md')
assert readme.isFile() : 'the README is written'
def text = readme.getText('UTF-8')
assert text.contains('## What it costs (an estimate)') : 'with the cost estimate'
assert text.contains('## Getting in') : 'and how each kind of user gets in'
assert text.contains('```mermaid') : 'and the architecture diagram'
assert new File(out, 'azuredeploy.json').isFile() : 'the templates generate wrote are still there'
def manifest = new File(out, '.hpcb-manifest').getText('UTF-8')
assert manifest.contains('  azuredeploy.json\n') && manifest.contains('  README.md\n') : 'and still listed as ours'
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('documented teaching -> ')
assert log.contains('BUILD SUCCESS')
return true
