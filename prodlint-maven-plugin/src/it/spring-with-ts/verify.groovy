// The build failed on prodlint's findings, and both reports are there with a leak from each language.
def log = new File(basedir, 'build.log').text
assert log.contains('[connection-leak]')
assert log.contains('prodlint: 2 finding(s) at or above error')
def sarif = new File(basedir, 'target/prodlint.sarif')
def json = new File(basedir, 'target/prodlint.json')
assert sarif.isFile() && json.isFile()
def report = new groovy.json.JsonSlurper().parse(json)
def paths = report.findings.collect { it.path }
assert paths.contains('src/main/java/com/acme/LedgerDao.java')
assert paths.contains('frontend-api/orders.ts')
return true
