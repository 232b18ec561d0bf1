/* fib: naive doubly recursive Fibonacci, fib(42). */
#include <stdint.h>
#include <stdio.h>

static uint32_t fib(uint32_t n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

int main(void) {
  printf("fib %u\n", fib(42));
  return 0;
}
