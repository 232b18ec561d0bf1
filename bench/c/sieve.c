/* sieve: count the primes below 5,000,000 with the sieve of Eratosthenes, 15 times. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t count_primes(uint8_t *composite, uint32_t n) {
  memset(composite, 0, n);
  for (uint32_t i = 2; i * i < n; i++) {
    if (composite[i] == 0) {
      for (uint32_t j = i * i; j < n; j += i) composite[j] = 1;
    }
  }
  uint32_t count = 0;
  for (uint32_t i = 2; i < n; i++) {
    if (composite[i] == 0) count++;
  }
  return count;
}

int main(void) {
  const uint32_t n = 5000000;
  const uint32_t reps = 15;
  uint8_t *composite = malloc(n);
  if (composite == NULL) return 1;
  uint32_t total = 0;
  for (uint32_t r = 0; r < reps; r++) total += count_primes(composite, n);
  printf("sieve %u\n", total);
  free(composite);
  return 0;
}
