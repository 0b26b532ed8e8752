// Unit-project setup: the unit files run each in a VM context of its own (pool `vmForks`: a fresh
// page and module graph per file without a process per file). Such a context has happy-dom's DOM
// but not the globals Node adds, and happy-dom has no BroadcastChannel, which the SDK's tabs talk
// on. Node's channels reach every context of the process, so each file gets channels of its own:
// the same class, with names kept apart per file, closed when the file ends, as a process per file
// would have them.
import { randomUUID } from 'node:crypto';
import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import { afterAll } from 'vitest';

if (typeof globalThis.BroadcastChannel === 'undefined') {
  const file = randomUUID();
  const open = new Set<NodeBroadcastChannel>();
  class FileBroadcastChannel extends NodeBroadcastChannel {
    constructor(name: string) {
      super(`${file}:${name}`);
      open.add(this);
    }
    override close(): void {
      open.delete(this);
      super.close();
    }
  }
  globalThis.BroadcastChannel = FileBroadcastChannel as unknown as typeof BroadcastChannel;
  afterAll(() => {
    for (const channel of open) channel.close();
  });
}
