// examples/hello.ts: the first tsos program. Run it with `npx tsos exec examples/hello.ts`.
const name = "tsos";
console.log(`Hello from ${name}, TypeScript compiled to C!`);
