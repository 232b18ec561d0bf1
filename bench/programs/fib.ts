// fib: naive doubly recursive Fibonacci, fib(42).
// Output: "fib <fib(42)>", identical to bench/c/fib.c.

function fib(n: u32): u32 {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

export function main(): void {
  console.log(`fib ${fib(42)}`);
}

main();
