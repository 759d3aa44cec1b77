// Child process for atomicWrite.test.ts: rewrites the target forever until killed. Each version is
// `size` bytes all equal to one generation byte, so a torn write is easy to recognise.
import { writeFileAtomic } from '../../../main/services/atomicWrite';

const [target, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);
let generation = 1;
process.send?.('ready');
for (;;) {
  await writeFileAtomic(target, new Uint8Array(size).fill(generation % 250 + 1));
  generation++;
}
