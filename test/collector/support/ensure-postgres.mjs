// Makes sure PostgreSQL's programs are installed for the collector's PostgreSQL run (npm test's
// pretest, beside ensure-browsers.mjs): Debian's `postgresql` package gives initdb and pg_ctl in
// /usr/lib/postgresql/<version>/bin. As root with apt-get, it is installed when missing; otherwise
// the exact command is printed and the run fails. No server is started here: the tests make a
// throwaway cluster of their own (postgres-cluster.mjs).
import { spawnSync } from 'node:child_process';
import { postgresBinFolder } from './postgres-cluster.mjs';

if (postgresBinFolder()) process.exit(0);

const installCmd = 'sudo apt-get update && sudo apt-get install -y postgresql';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (isRoot && hasApt) {
  console.log('Missing for the collector tests on PostgreSQL: initdb and pg_ctl. Installing postgresql with apt-get (a minute or so)…');
  // The package's own cluster and service are not used: the tests start their own.
  const run = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run.status === 0 && postgresBinFolder()) process.exit(0);
  console.error(`Installing postgresql failed. Try by hand: ${installCmd}`);
  process.exit(1);
}

console.error(`The collector tests on PostgreSQL need initdb and pg_ctl (Debian's postgresql package), which are missing.\nInstall with:\n  ${installCmd}`);
process.exit(1);
