/* nullable_objects: a chained hash table of malloc'd nodes linked by pointers
 * (NULL for none), and a small statistics struct per batch, as a C programmer
 * would write bench/programs/nullable_objects.ts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define BUCKETS 65536u

struct node {
  struct node *next;
  uint32_t key, value;
};

struct stats {
  uint32_t hits, misses, sum;
};

static void insert(struct node **table, uint32_t key, uint32_t value) {
  uint32_t b = key & (BUCKETS - 1);
  for (struct node *n = table[b]; n; n = n->next)
    if (n->key == key) {
      n->value = value;
      return;
    }
  struct node *fresh = malloc(sizeof *fresh);
  if (!fresh) abort();
  fresh->key = key;
  fresh->value = value;
  fresh->next = table[b];
  table[b] = fresh;
}

static struct node *find(struct node **table, uint32_t key) {
  struct node *n = table[key & (BUCKETS - 1)];
  while (n && n->key != key) n = n->next;
  return n;
}

static struct stats *batch(struct node **table, uint32_t seed, uint32_t count) {
  struct stats *s = malloc(sizeof *s);
  if (!s) abort();
  s->hits = s->misses = s->sum = 0;
  uint32_t r = seed;
  for (uint32_t i = 0; i < count; i++) {
    r = r * 1664525u + 1013904223u;
    uint32_t key = (r >> 8) & 0xfffffu;
    struct node *hit = find(table, key);
    s->sum += hit ? hit->value : 1;
    if (hit) s->hits++;
    else s->misses++;
  }
  return s;
}

int main(void) {
  struct node **table = calloc(BUCKETS, sizeof *table);
  if (!table) abort();
  uint32_t r = 7;
  for (uint32_t i = 0; i < 400000u; i++) {
    r = r * 1664525u + 1013904223u;
    insert(table, (r >> 8) & 0xfffffu, i);
  }
  uint32_t hits = 0, check = 0;
  for (uint32_t b = 0; b < 977u; b++) {
    struct stats *s = batch(table, b * 2654435761u, 4096);
    hits += s->hits;
    check = (check ^ s->sum) * 16777619u + s->misses;
  }
  printf("nullable_objects %u %u\n", hits, check);
  return 0;
}
