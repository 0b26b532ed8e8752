import { openSync, writeSync, fsyncSync, closeSync } from 'node:fs';
const fd = openSync('/tmp/exp/fsync.bin', 'w');
const t = performance.now();
for (let i = 0; i < 50; i++) { writeSync(fd, Buffer.alloc(4096)); fsyncSync(fd); }
console.log('fsync ms each', ((performance.now() - t) / 50).toFixed(2));
closeSync(fd);
