#!/usr/bin/env node
// The `wengang` command: runs the TypeScript sources through tsx (no build step on the server).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
