// Entry for running the CLI from source (`npx tsx src/cli/index.ts …`); bin/passerelle.js runs the built copy.
import { runCli } from './main.js';

await runCli(process.argv);
