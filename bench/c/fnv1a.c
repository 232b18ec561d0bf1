/* fnv1a: FNV-1a 32-bit hash over a 4 MiB pseudo-random buffer, 64 times (chained). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Linear congruential generator (Numerical Recipes constants). */
struct lcg {
  uint32_t state;
};

static uint32_t lcg_next(struct lcg *g) {
  g->state = g->state * 1664525u + 1013904223u;
  return g->state;
}

static uint32_t fnv1a(const uint8_t *data, uint32_t len, uint32_t hash) {
  for (uint32_t i = 0; i < len; i++) {
    hash ^= data[i];
    hash *= 16777619u;
  }
  return hash;
}

int main(void) {
  const uint32_t size = 4u << 20;
  const uint32_t reps = 64;
  uint8_t *buf = malloc(size);
  if (buf == NULL) return 1;
  struct lcg rng = {12345};
  for (uint32_t i = 0; i < size; i++) buf[i] = (uint8_t)(lcg_next(&rng) >> 24);
  uint32_t hash = 2166136261u;
  for (uint32_t r = 0; r < reps; r++) hash = fnv1a(buf, size, hash);
  printf("fnv1a %u\n", hash);
  free(buf);
  return 0;
}
