/*
 * bench/c/alloc_trace.c: the baseline of bench/alloc.ts: the three heap
 * allocators of lib/alloc (bump, linked-list with coalescing, fixed-size
 * blocks with a linked-list fallback) written by hand in C, the same
 * algorithms step for step, driven by the same traces as
 * bench/programs/alloc_trace.ts; plus glibc malloc/free for context.
 *
 * Input:  argv: allocator (bump, linked-list, fixed-block, malloc, none),
 *         trace (small, mixed, churn), operations.
 * Output: the same line as the TypeScript program (for malloc, the footprint
 *         and largest-free columns are 0: glibc does not report them).
 * Invariants: built with exactly the flags tsos uses for its generated C
 *         (bench/alloc.ts); no checks beyond what the TypeScript code does.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAP_SIZE (4u * 1024 * 1024)
#define SLOTS 4096u

static _Alignas(4096) uint64_t arena[HEAP_SIZE / 8];

static inline uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }
static inline uint64_t align_down(uint64_t v, uint64_t a) { return v & ~(a - 1); }
static inline uint64_t rd(uint64_t a) { return *(uint64_t *)(uintptr_t)a; }
static inline void wr(uint64_t a, uint64_t v) { *(uint64_t *)(uintptr_t)a = v; }
static void check_align(uint64_t align) {
  if (align == 0 || (align & (align - 1)) != 0) { fprintf(stderr, "bad alignment\n"); exit(101); }
}

/* ---- bump ---- */
typedef struct { uint64_t start, end, next, allocations; } Bump;
static void bump_init(Bump *b, uint64_t start, uint64_t size) { b->start = start; b->end = start + size; b->next = start; b->allocations = 0; }
static uint64_t bump_alloc(Bump *b, uint64_t size, uint64_t align) {
  check_align(align);
  uint64_t bytes = size == 0 ? 1 : size;
  if (align > b->end - b->next) return 0;
  uint64_t start = align_up(b->next, align);
  if (bytes > b->end - start) return 0;
  b->next = start + bytes;
  b->allocations++;
  return start;
}
static void bump_free(Bump *b, uint64_t ptr, uint64_t size, uint64_t align) {
  check_align(align);
  if (b->allocations == 0 || ptr < b->start || ptr + size > b->next) { fprintf(stderr, "bump: bad free\n"); exit(101); }
  if (--b->allocations == 0) b->next = b->start;
}
static uint64_t bump_largest(Bump *b) { uint64_t s = align_up(b->next, 16); return s < b->end ? b->end - s : 0; }

/* ---- linked list: first fit, sorted by address, coalescing; nodes {size, next} in free blocks ---- */
#define GRANULE 16u
typedef struct { uint64_t start, end, head; } List;
static inline uint64_t block_size(uint64_t size) { return size <= GRANULE ? GRANULE : align_up(size, GRANULE); }
static inline void node(uint64_t b, uint64_t size, uint64_t next) { wr(b, size); wr(b + 8, next); }
static void list_give_back(List *l, uint64_t block, uint64_t bytes) {
  uint64_t prev = 0, next = l->head;
  while (next != 0 && next < block) { prev = next; next = rd(next + 8); }
  if ((prev != 0 && prev + rd(prev) > block) || (next != 0 && block + bytes > next)) { fprintf(stderr, "list: double free\n"); exit(101); }
  uint64_t size = bytes, after = next;
  if (next != 0 && block + bytes == next) { size += rd(next); after = rd(next + 8); }
  if (prev != 0 && prev + rd(prev) == block) { node(prev, rd(prev) + size, after); return; }
  node(block, size, after);
  if (prev == 0) l->head = block; else wr(prev + 8, block);
}
static void list_init(List *l, uint64_t start, uint64_t size) {
  l->start = align_up(start, GRANULE);
  l->end = align_down(start + size, GRANULE);
  if (l->end < l->start) l->end = l->start;
  l->head = 0;
  if (l->end > l->start) list_give_back(l, l->start, l->end - l->start);
}
static uint64_t list_alloc(List *l, uint64_t size, uint64_t align) {
  check_align(align);
  uint64_t capacity = l->end - l->start;
  if (size > capacity || align > capacity) return 0;
  uint64_t need = block_size(size), a = align > GRANULE ? align : GRANULE;
  uint64_t prev = 0, block = l->head;
  while (block != 0) {
    uint64_t block_end = block + rd(block), next = rd(block + 8), start = align_up(block, a);
    if (start < block_end && need <= block_end - start) {
      uint64_t rest = next, back = block_end - (start + need);
      if (back > 0) { node(start + need, back, next); rest = start + need; }
      if (start > block) node(block, start - block, rest);
      else if (prev == 0) l->head = rest;
      else wr(prev + 8, rest);
      return start;
    }
    prev = block;
    block = next;
  }
  return 0;
}
static void list_free(List *l, uint64_t ptr, uint64_t size, uint64_t align) {
  check_align(align);
  uint64_t bytes = block_size(size);
  if (ptr < l->start || ptr >= l->end || bytes > l->end - ptr || (ptr & (GRANULE - 1)) != 0) { fprintf(stderr, "list: bad free\n"); exit(101); }
  list_give_back(l, ptr, bytes);
}
static uint64_t list_largest(List *l) {
  uint64_t largest = 0;
  for (uint64_t b = l->head; b != 0; b = rd(b + 8)) if (rd(b) > largest) largest = rd(b);
  return largest;
}

/* ---- fixed-size blocks 8..2048, heads and lengths in the first 144 bytes, linked-list fallback ---- */
#define CLASSES 9u
static const uint64_t BLOCK_SIZES[CLASSES] = {8, 16, 32, 64, 128, 256, 512, 1024, 2048};
typedef struct { List fallback; uint64_t table; } Fixed;
static inline uint64_t class_of(uint64_t size, uint64_t align) {
  uint64_t required = size > align ? size : align;
  for (uint64_t c = 0; c < CLASSES; c++) if (BLOCK_SIZES[c] >= required) return c;
  return CLASSES;
}
static void fixed_init(Fixed *f, uint64_t start, uint64_t size) {
  f->table = align_up(start, 16);
  uint64_t used = f->table + 144 - start;
  for (uint64_t i = 0; i < 2 * CLASSES; i++) wr(f->table + i * 8, 0);
  list_init(&f->fallback, f->table + 144, size - used);
}
static uint64_t fixed_alloc(Fixed *f, uint64_t size, uint64_t align) {
  check_align(align);
  uint64_t c = class_of(size, align);
  if (c == CLASSES) return list_alloc(&f->fallback, size, align);
  uint64_t head = rd(f->table + c * 8);
  if (head != 0) {
    wr(f->table + c * 8, rd(head));
    wr(f->table + (CLASSES + c) * 8, rd(f->table + (CLASSES + c) * 8) - 1);
    return head;
  }
  return list_alloc(&f->fallback, BLOCK_SIZES[c], BLOCK_SIZES[c]);
}
static void fixed_free(Fixed *f, uint64_t ptr, uint64_t size, uint64_t align) {
  check_align(align);
  uint64_t c = class_of(size, align);
  if (c == CLASSES) { list_free(&f->fallback, ptr, size, align); return; }
  wr(ptr, rd(f->table + c * 8));
  wr(f->table + c * 8, ptr);
  wr(f->table + (CLASSES + c) * 8, rd(f->table + (CLASSES + c) * 8) + 1);
}
static uint64_t fixed_largest(Fixed *f) {
  uint64_t fb = list_largest(&f->fallback);
  for (uint64_t c = CLASSES; c > 0; c--)
    if (rd(f->table + (c - 1) * 8) != 0) return BLOCK_SIZES[c - 1] > fb ? BLOCK_SIZES[c - 1] : fb;
  return fb;
}

/* ---- the traces ---- */
enum Kind { NONE, BUMP, LIST, FIXED, MALLOC };
static enum Kind kind;
static Bump bump;
static List list;
static Fixed fixed;
static uint64_t base;

static uint64_t state = 1;
static inline uint64_t next_random(void) {
  uint64_t x = state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  state = x;
  return x;
}

static uint64_t live_ptrs[SLOTS], live_sizes[SLOTS], long_ptrs[SLOTS], long_sizes[SLOTS];
static uint64_t allocs, frees, drains, checksum, live_bytes, peak_live, peak_footprint, head, count, long_count;

/*
 * The allocator is called through a table of function pointers, as the
 * dialect's trace calls it through the HeapAllocator interface (a view's
 * method table): both pay one indirect call per operation, so the ratio
 * compares the allocators and not the dispatch. The trace without an
 * allocator (NONE) makes no call in either.
 */
typedef struct {
  void *self;
  uint64_t (*alloc)(void *self, uint64_t size, uint64_t align);
  void (*free)(void *self, uint64_t ptr, uint64_t size, uint64_t align);
} Heap;
static uint64_t bump_alloc_fn(void *s, uint64_t size, uint64_t align) { return bump_alloc(s, size, align); }
static void bump_free_fn(void *s, uint64_t p, uint64_t size, uint64_t align) { bump_free(s, p, size, align); }
static uint64_t list_alloc_fn(void *s, uint64_t size, uint64_t align) { return list_alloc(s, size, align); }
static void list_free_fn(void *s, uint64_t p, uint64_t size, uint64_t align) { list_free(s, p, size, align); }
static uint64_t fixed_alloc_fn(void *s, uint64_t size, uint64_t align) { return fixed_alloc(s, size, align); }
static void fixed_free_fn(void *s, uint64_t p, uint64_t size, uint64_t align) { fixed_free(s, p, size, align); }
static uint64_t malloc_alloc_fn(void *s, uint64_t size, uint64_t align) {
  (void)s;
  return (uint64_t)(uintptr_t)aligned_alloc(align < 16 ? 16 : align, align_up(size == 0 ? 1 : size, align < 16 ? 16 : align));
}
static void malloc_free_fn(void *s, uint64_t p, uint64_t size, uint64_t align) { (void)s; (void)size; (void)align; free((void *)(uintptr_t)p); }
static Heap heap;

static uint64_t do_alloc(uint64_t size, uint64_t align) {
  uint64_t p = kind == NONE ? base + ((allocs * 64) % HEAP_SIZE) : heap.alloc(heap.self, size, align);
  if (p == 0) return 0;
  allocs++;
  checksum += kind == MALLOC ? 0 : (p - base) & 0xfff;
  live_bytes += size;
  if (live_bytes > peak_live) peak_live = live_bytes;
  if (kind != MALLOC && p + size - base > peak_footprint) peak_footprint = p + size - base;
  return p;
}

static void do_free(uint64_t p, uint64_t size, uint64_t align) {
  if (kind != NONE) heap.free(heap.self, p, size, align);
  frees++;
  live_bytes -= size;
}

static void drain(uint64_t align, int all) {
  for (uint64_t i = 0; i < count; i++) {
    uint64_t slot = (head + i) % SLOTS;
    do_free(live_ptrs[slot], live_sizes[slot], align);
  }
  head = 0;
  count = 0;
  if (all) {
    for (uint64_t i = 0; i < long_count; i++) do_free(long_ptrs[i], long_sizes[i], 16);
    long_count = 0;
  }
}

static void fifo_step(uint64_t size, uint64_t align, uint64_t window) {
  if (count == window) {
    do_free(live_ptrs[head], live_sizes[head], align);
    head = (head + 1) % SLOTS;
    count--;
  }
  uint64_t p = do_alloc(size, align);
  if (p == 0) {
    drains++;
    drain(align, long_count > 0 && kind == BUMP);
    p = do_alloc(size, align);
    if (p == 0) { fprintf(stderr, "alloc fails on an empty heap\n"); exit(101); }
  }
  uint64_t slot = (head + count) % SLOTS;
  live_ptrs[slot] = p;
  live_sizes[slot] = size;
  count++;
}

static void trace_small(uint64_t ops) {
  for (uint64_t i = 0; i < ops; i++) fifo_step(16 + (next_random() % 4) * 16, 16, 64);
}

static void trace_mixed(uint64_t ops) {
  for (uint64_t i = 0; i < ops; i++) {
    uint64_t r = next_random();
    if (count > 0 && (count == 1024 || r % 2 == 0)) {
      uint64_t victim = (r >> 8) % count;
      do_free(live_ptrs[victim], live_sizes[victim], 8);
      count--;
      live_ptrs[victim] = live_ptrs[count];
      live_sizes[victim] = live_sizes[count];
      continue;
    }
    uint64_t k = (r >> 8) % 100, size;
    if (k < 70) size = ((r >> 16) % 64) + 1;
    else if (k < 95) size = ((r >> 16) % 448) + 65;
    else size = ((r >> 16) % 3584) + 513;
    uint64_t p = do_alloc(size, 8);
    if (p == 0) {
      drains++;
      drain(8, 0);
      p = do_alloc(size, 8);
      if (p == 0) { fprintf(stderr, "alloc fails on an empty heap\n"); exit(101); }
    }
    live_ptrs[count] = p;
    live_sizes[count] = size;
    count++;
  }
}

static void trace_churn(uint64_t ops) {
  for (uint64_t i = 0; i < 2000; i++) {
    uint64_t size = 32 + (next_random() % 225);
    uint64_t p = do_alloc(size, 16);
    if (p == 0) { fprintf(stderr, "the long-lived blocks do not fit\n"); exit(101); }
    long_ptrs[i] = p;
    long_sizes[i] = size;
    long_count++;
  }
  for (uint64_t i = 0; i < ops; i++) fifo_step(16 + (next_random() % 113), 16, 32);
}

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "linked-list";
  const char *trace = argc > 2 ? argv[2] : "mixed";
  uint64_t ops = argc > 3 ? strtoull(argv[3], NULL, 10) : 1000000;
  base = (uint64_t)(uintptr_t)arena;
  if (!strcmp(name, "bump")) kind = BUMP, bump_init(&bump, base, HEAP_SIZE), heap = (Heap){&bump, bump_alloc_fn, bump_free_fn};
  else if (!strcmp(name, "linked-list")) kind = LIST, list_init(&list, base, HEAP_SIZE), heap = (Heap){&list, list_alloc_fn, list_free_fn};
  else if (!strcmp(name, "fixed-block")) kind = FIXED, fixed_init(&fixed, base, HEAP_SIZE), heap = (Heap){&fixed, fixed_alloc_fn, fixed_free_fn};
  else if (!strcmp(name, "malloc")) kind = MALLOC, heap = (Heap){NULL, malloc_alloc_fn, malloc_free_fn};
  else if (!strcmp(name, "none")) kind = NONE;
  else { fprintf(stderr, "unknown allocator %s\n", name); return 2; }
  if (!strcmp(trace, "small")) trace_small(ops);
  else if (!strcmp(trace, "mixed")) trace_mixed(ops);
  else if (!strcmp(trace, "churn")) trace_churn(ops);
  else { fprintf(stderr, "unknown trace %s\n", trace); return 2; }
  uint64_t largest = kind == BUMP ? bump_largest(&bump) : kind == LIST ? list_largest(&list) : kind == FIXED ? fixed_largest(&fixed) : 0;
  printf("%s %s: %" PRIu64 " allocs %" PRIu64 " frees %" PRIu64 " drains peak-footprint %" PRIu64 " peak-live %" PRIu64 " largest-free %" PRIu64 " checksum %" PRIu64 "\n",
         name, trace, allocs, frees, drains, peak_footprint, peak_live, largest, checksum);
  return 0;
}
