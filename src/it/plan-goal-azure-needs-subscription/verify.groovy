// hpc-blueprints:plan with target azure and no subscription fails with the fix, and reaches no Azure endpoint.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('target azure needs the subscription to plan against') : 'the failure says what is missing'
assert log.contains('-Dhpcb.subscription=ID') && log.contains('AZURE_SUBSCRIPTION_ID') : 'and how to give it'
assert !log.contains('DefaultAzureCredential') : 'no sign-in was attempted'
assert log.contains('BUILD FAILURE')
return true
