/*
 * bench/c/paging_walk.c: the hand-written C peer of kernel/bench/paging_bench.ts
 * (bench/paging.ts builds it as a kernel with boot.S and linker.ld, and boots
 * both in the same run).
 *
 * The same walks as kernel/arch/x86_64/paging_mapper.ts, written as a C
 * programmer would (Intel SDM vol. 3A, 4.5 "4-Level Paging"): tables reached
 * at `offset + physical` (a global, as the mapper's field; 0 here, under
 * boot.S's identity map), map = walk 4 levels checking present/huge and the
 * parent flags, refuse a used entry, write the entry, INVLPG; unmap = walk,
 * read the frame, clear, INVLPG; translate = walk to a 4 KiB page.
 * map_to, unmap and translate are `noipa`, as the TypeScript mapper's
 * methods are calls with run-time arguments (the kernel calls them from
 * several places, so gcc neither inlines them into the benchmark loop nor
 * specializes them for the loop's constant flags and address bits); with
 * WALK_INLINE defined (bench/paging.ts builds that variant too) gcc may
 * inline and specialize them, which shows what that is worth.
 * Output on COM1: `paging-bench: map+unmap <cycles> translate <cycles>`;
 * QEMU exits with success (0x10 to isa-debug-exit) or failure (0x11).
 */
#include <stdint.h>

#ifdef WALK_INLINE
#define WALK static
#else
#define WALK __attribute__((noipa)) static
#endif

#define PRESENT 0x1ull
#define WRITABLE 0x2ull
#define USER 0x4ull
#define HUGE 0x80ull
#define ADDR_MASK 0x000ffffffffff000ull
#define FLAG_BITS 0x8000000000000fffull
#define BENCH_BASE 0x400000000000ull
#define PAGES 512
#define ROUNDS 64

typedef struct { uint64_t e[512]; } table_t;

static table_t l3_table __attribute__((aligned(4096)));
static table_t l2_table __attribute__((aligned(4096)));
static table_t l1_table __attribute__((aligned(4096)));

/* A frame allocator behind a table of functions, as the mapper's FrameAllocator interface is. */
typedef struct { uint64_t (*allocate)(void *self); } allocator_vt;
typedef struct { void *self; const allocator_vt *vt; } allocator_t;
typedef struct { table_t *spare[3]; int used; } spare_tables;
static uint64_t spare_allocate(void *self) {
  spare_tables *s = self;
  return s->used == 3 ? 0 : (uint64_t)(uintptr_t)s->spare[s->used++];
}
static spare_tables spares = { { &l3_table, &l2_table, &l1_table }, 0 };
static const allocator_vt spare_vt = { spare_allocate };
uint64_t offset; /* where physical 0 is mapped: identity here */
static uint64_t level4;

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint64_t rdtsc(void) { uint32_t lo, hi; __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi)); return ((uint64_t)hi << 32) | lo; }
static inline void invlpg(uint64_t a) { __asm__ volatile("invlpg (%0)" : : "r"(a) : "memory"); }

static table_t *table(uint64_t phys) { return (table_t *)(uintptr_t)(offset + phys); }

/* The table `*entry` points to, created (zeroed) from `alloc` if missing; 0 if none is left. */
static uint64_t next_table(uint64_t *entry, uint64_t flags, allocator_t alloc) {
  if (*entry & PRESENT) {
    if ((*entry & flags & FLAG_BITS) != flags) *entry |= flags;
    return *entry & ADDR_MASK;
  }
  uint64_t frame = alloc.vt->allocate(alloc.self);
  if (!frame) return 0;
  table_t *t = table(frame);
  for (int i = 0; i < 512; i++) t->e[i] = 0;
  *entry = frame | flags;
  return frame;
}

/* 0: mapped; 1: already mapped; 2: under a huge page; 3: no frame for a table. */
WALK int map_to(uint64_t page, uint64_t frame, uint64_t flags, allocator_t alloc) {
  uint64_t parent = PRESENT | WRITABLE | (flags & USER);
  uint64_t l3 = next_table(&table(level4)->e[(page >> 39) & 511], parent, alloc);
  if (!l3) return 3;
  uint64_t *e3 = &table(l3)->e[(page >> 30) & 511];
  if ((*e3 & PRESENT) && (*e3 & HUGE)) return 2;
  uint64_t l2 = next_table(e3, parent, alloc);
  if (!l2) return 3;
  uint64_t *e2 = &table(l2)->e[(page >> 21) & 511];
  if ((*e2 & PRESENT) && (*e2 & HUGE)) return 2;
  uint64_t l1 = next_table(e2, parent, alloc);
  if (!l1) return 3;
  uint64_t *e1 = &table(l1)->e[(page >> 12) & 511];
  if (*e1 != 0) return 1;
  *e1 = (frame & ADDR_MASK) | flags | PRESENT;
  invlpg(page);
  return 0;
}

/* The frame, or 1 (not mapped) / 2 (under a huge page). */
WALK uint64_t unmap(uint64_t page) {
  uint64_t e4 = table(level4)->e[(page >> 39) & 511];
  if (!(e4 & PRESENT)) return 1;
  uint64_t e3 = table(e4 & ADDR_MASK)->e[(page >> 30) & 511];
  if (!(e3 & PRESENT)) return 1;
  if (e3 & HUGE) return 2;
  uint64_t e2 = table(e3 & ADDR_MASK)->e[(page >> 21) & 511];
  if (!(e2 & PRESENT)) return 1;
  if (e2 & HUGE) return 2;
  uint64_t *e1 = &table(e2 & ADDR_MASK)->e[(page >> 12) & 511];
  if (!(*e1 & PRESENT)) return 1;
  uint64_t frame = *e1 & ADDR_MASK;
  *e1 = 0;
  invlpg(page);
  return frame;
}

/* The physical address, or UINT64_MAX if unmapped. */
WALK uint64_t translate(uint64_t a) {
  uint64_t e4 = table(level4)->e[(a >> 39) & 511];
  if (!(e4 & PRESENT)) return UINT64_MAX;
  uint64_t e3 = table(e4 & ADDR_MASK)->e[(a >> 30) & 511];
  if (!(e3 & PRESENT)) return UINT64_MAX;
  if (e3 & HUGE) return (e3 & ADDR_MASK & ~0x3fffffffull) | (a & 0x3fffffffull);
  uint64_t e2 = table(e3 & ADDR_MASK)->e[(a >> 21) & 511];
  if (!(e2 & PRESENT)) return UINT64_MAX;
  if (e2 & HUGE) return (e2 & ADDR_MASK & ~0x1fffffull) | (a & 0x1fffffull);
  uint64_t e1 = table(e2 & ADDR_MASK)->e[(a >> 12) & 511];
  if (!(e1 & PRESENT)) return UINT64_MAX;
  return (e1 & ADDR_MASK) | (a & 0xfff);
}

static void print(const char *s) { while (*s) outb(0x3f8, (uint8_t)*s++); }
static void print_u64(uint64_t v) {
  char buf[21];
  int i = 20;
  buf[i] = 0;
  do { buf[--i] = (char)('0' + v % 10); v /= 10; } while (v);
  print(buf + i);
}

void kernel_main(uint32_t magic, uint32_t info);
void kernel_main(uint32_t magic, uint32_t info) {
  (void)magic; (void)info;
  __asm__ volatile("cli");
  __asm__ volatile("movq %%cr3, %0" : "=r"(level4));
  level4 &= ADDR_MASK;
  uint64_t frame = 0x800000; /* any 4 KiB frame: it is never accessed */
  allocator_t alloc = { &spares, &spare_vt };
  uint64_t failures = 0;
  if (map_to(BENCH_BASE, frame, WRITABLE, alloc) != 0) failures++;
  if (unmap(BENCH_BASE) & 0xfff) failures++;

  uint64_t start = rdtsc();
  for (uint64_t round = 0; round < ROUNDS; round++) {
    for (uint64_t i = 0; i < PAGES; i++) {
      uint64_t page = BENCH_BASE + i * 4096;
      if (map_to(page, frame, WRITABLE, alloc) != 0) failures++;
      if (unmap(page) & 0xfff) failures++;
    }
  }
  uint64_t map_cycles = (rdtsc() - start) / (ROUNDS * PAGES);

  for (uint64_t i = 0; i < PAGES; i++) if (map_to(BENCH_BASE + i * 4096, frame, WRITABLE, alloc) != 0) failures++;
  uint64_t sum = 0;
  start = rdtsc();
  for (uint64_t round = 0; round < ROUNDS; round++) {
    for (uint64_t i = 0; i < PAGES; i++) {
      uint64_t p = translate(BENCH_BASE + i * 4096 + round);
      if (p == UINT64_MAX) failures++;
      else sum += p;
    }
  }
  uint64_t translate_cycles = (rdtsc() - start) / (ROUNDS * PAGES);

  if (failures || !sum) {
    print("paging-bench: operations failed\n");
    outl(0xf4, 0x11);
  }
  print("paging-bench: map+unmap ");
  print_u64(map_cycles);
  print(" translate ");
  print_u64(translate_cycles);
  print("\n");
  outl(0xf4, 0x10);
  for (;;) __asm__ volatile("hlt");
}
