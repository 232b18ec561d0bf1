#!/usr/bin/env node
// bin/tsos.js: the `tsos` command. The toolchain is TypeScript; tsx loads it.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
