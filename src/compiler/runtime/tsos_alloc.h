/*
 * tsos_alloc.h: every heap block of a program: tsos_alloc and tsos_free, the
 * global allocator a program installs (setGlobalAllocator), and the debug
 * checks of freed and leaked memory (docs/language.md section 11).
 *
 * Input:  included by the target header (tsos_host.h, tsos_kernel.h) after
 *         its panics. Modes, macros the generated C defines before the
 *         target header (decided at compile time, emit-program.ts):
 *           TSOS_GLOBAL_ALLOCATOR  the program calls setGlobalAllocator
 *                                  (always on for the kernel target);
 *           TSOS_CHECK_FREES       freed blocks are poisoned (0xdb) and never
 *                                  reused; freeing a block twice panics;
 *           TSOS_CHECK_LEAKS       live blocks are listed; at exit what is
 *                                  left is reported on stderr, grouped by
 *                                  type and allocation site (tsos_leak_report).
 * Output: tsos_alloc(size, loc): zeroed storage aligned to 16 bytes, never
 *         NULL; tsos_alloc_as(size, loc, kind): the same, `kind` naming
 *         the type for the leak report ("array", a class name; NULL: the
 *         runtime's own block, never reported); tsos_free(p, size, loc): gives
 *         back a block tsos_alloc returned, with the size it was asked for.
 * Invariants:
 *   - Without any mode macro a hosted block of up to 256 bytes comes from a
 *     size-class free list over 64 KiB calloc'd chunks (no per-block
 *     header); a larger one is calloc'd and freed with free().
 *   - With an installed allocator, sizes are rounded up to 16 and the
 *     allocator is asked for 16-byte alignment; the same rounded size and
 *     alignment go back to its `free`. A 0 answer panics with the
 *     TypeScript location: `out of memory: allocation of 48 bytes (align 16)
 *     failed` (blog_os's alloc_error_handler).
 *   - Hosted blocks allocated before setGlobalAllocator come from a start-up
 *     region and are never handed to the allocator's `free`; the kernel
 *     panics on any allocation before an allocator is installed. An
 *     allocator is installed once: a second call panics (the blocks of the
 *     first would otherwise go back to the second).
 *   - In the debug modes each block carries a 48-byte header before the
 *     address tsos_alloc returns; the header records the size, type and
 *     site, so a free with another size or of a foreign pointer panics.
 */
#ifndef TSOS_ALLOC_H
#define TSOS_ALLOC_H

#if defined(TSOS_CHECK_FREES) || defined(TSOS_CHECK_LEAKS)
#define TSOS_MEM_DEBUG 1
#endif
#if defined(TSOS_MEM_DEBUG) && !defined(TSOS_HOST_H)
#error "the memory checks are for hosted builds"
#endif
#if defined(TSOS_KERNEL_H) && !defined(TSOS_GLOBAL_ALLOCATOR)
#define TSOS_GLOBAL_ALLOCATOR 1
#endif

/* The statement allocating through a runtime function that has no location
 * of its own (string concatenation, number to string): generated code sets it
 * just before such a call in kernel and leak-checking builds
 * (compiler/kernel-alloc.ts, emit-alloc.ts). */
#if defined(TSOS_GLOBAL_ALLOCATOR) || defined(TSOS_MEM_DEBUG)
static const tsos_loc *tsos_alloc_site;
#endif

/* ---- the global allocator (setGlobalAllocator) ---- */
#ifdef TSOS_GLOBAL_ALLOCATOR
/* The installed allocator: its object and the two methods of its GlobalAllocator view table. */
static void *tsos_ga_self;
static uint64_t (*tsos_ga_alloc)(void *self, uint64_t size, uint64_t align);
static void (*tsos_ga_free)(void *self, uint64_t ptr, uint64_t size, uint64_t align);

static inline void tsos_install_allocator(void *self, uint64_t (*alloc)(void *, uint64_t, uint64_t),
                                          void (*free_fn)(void *, uint64_t, uint64_t, uint64_t), const tsos_loc *loc) {
  if (tsos_ga_alloc) tsos_panic_cstr(loc, "setGlobalAllocator: a global allocator is already installed");
  tsos_ga_self = self;
  tsos_ga_alloc = alloc;
  tsos_ga_free = free_fn;
}
/* `setGlobalAllocator(a)` (lower/global-allocator.ts): `view` is `a` as a GlobalAllocator view. */
#define tsos_set_global_allocator(view, loc)                                              \
  ({                                                                                      \
    __typeof__(view) tsos_ga_view = (view);                                               \
    tsos_install_allocator(tsos_ga_view.obj, tsos_ga_view.vt->m_alloc, tsos_ga_view.vt->m_free, (loc)); \
  })

__attribute__((noreturn, cold)) static inline void tsos_panic_oom(const tsos_loc *loc, uint64_t size) {
  char num[24];
  const char *digits = tsos_fmt_u64(num + 24, size);
  char msg[96];
  const char *parts[3] = {"out of memory: allocation of ", digits, " bytes (align 16) failed"};
  uint64_t at = 0;
  for (int p = 0; p < 3; p++)
    for (const char *c = parts[p]; *c && at < sizeof msg - 1; c++) msg[at++] = *c;
  msg[at] = 0;
  tsos_panic_cstr(loc, msg);
}

#ifdef TSOS_HOST_H
/* Hosted blocks allocated before setGlobalAllocator: a bump region reserved
 * (not committed) at the first such allocation; its blocks are never freed. */
#include <sys/mman.h>
#define TSOS_STARTUP_REGION (UINT64_C(1) << 32)
static uint8_t *tsos_startup_base, *tsos_startup_next;
static inline bool tsos_in_startup_region(const void *p) {
  return tsos_startup_base && (const uint8_t *)p >= tsos_startup_base && (const uint8_t *)p < tsos_startup_base + TSOS_STARTUP_REGION;
}
static inline void *tsos_startup_alloc(uint64_t size, const tsos_loc *loc) {
  if (!tsos_startup_base) {
    void *m = mmap(NULL, TSOS_STARTUP_REGION, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED) tsos_panic_oom(loc, size);
    tsos_startup_base = tsos_startup_next = m;
  }
  if (size > (uint64_t)(tsos_startup_base + TSOS_STARTUP_REGION - tsos_startup_next)) tsos_panic_oom(loc, size);
  void *p = tsos_startup_next;
  tsos_startup_next += size;
  return p; /* fresh anonymous memory is zero */
}
#endif

/* A block through the installed allocator: `size` rounded up to 16, zeroed. */
static inline void *tsos_ga_block(uint64_t size, const tsos_loc *loc) {
  uint64_t n = size ? (size + 15) & ~UINT64_C(15) : 16;
  if (!tsos_ga_alloc) {
#ifdef TSOS_HOST_H
    return tsos_startup_alloc(n, loc);
#else
    tsos_panic_cstr(loc ? loc : tsos_alloc_site, "allocation before the heap is initialized");
#endif
  }
  uint64_t a = tsos_ga_alloc(tsos_ga_self, n, 16);
  if (!a) tsos_panic_oom(loc ? loc : tsos_alloc_site, n);
  if (a & 15) tsos_panic_cstr(loc ? loc : tsos_alloc_site, "the global allocator returned a block that is not aligned to 16 bytes");
  __builtin_memset((void *)(uintptr_t)a, 0, n);
  return (void *)(uintptr_t)a;
}
static inline void tsos_ga_release(void *p, uint64_t size) {
#ifdef TSOS_HOST_H
  if (tsos_in_startup_region(p)) return;
#endif
  uint64_t n = size ? (size + 15) & ~UINT64_C(15) : 16;
  tsos_ga_free(tsos_ga_self, (uint64_t)(uintptr_t)p, n, 16);
}
#endif /* TSOS_GLOBAL_ALLOCATOR */

#ifdef TSOS_HOST_H
/* systemAlloc / systemFree (lib/tsos.d.ts): the C library's allocator, for allocators written in the dialect. */
static inline uint64_t tsos_system_alloc(uint64_t size, uint64_t align) {
  if (align == 0 || (align & (align - 1))) return 0;
  void *p = NULL;
  if (posix_memalign(&p, align < sizeof(void *) ? sizeof(void *) : align, size ? size : 1)) return 0;
  return (uint64_t)(uintptr_t)p;
}
static inline void tsos_system_free(uint64_t ptr, uint64_t size, uint64_t align) {
  (void)size;
  (void)align;
  free((void *)(uintptr_t)ptr);
}
#endif

#ifndef TSOS_GLOBAL_ALLOCATOR
/* ---- hosted, no allocator installed: size classes over the C library ----
 * Blocks of up to TSOS_SMALL_MAX bytes come from one free list per multiple
 * of 16 bytes, carved from 64 KiB chunks of calloc'd memory; larger blocks
 * are calloc'd and freed one by one. Small blocks carry no header (tsos_free
 * is given the size), so a 32-byte object takes 32 bytes where malloc takes
 * 48, and objects allocated together lie together. Chunks are never given
 * back to the C library. Fresh chunk memory is zero (calloc); a reused block
 * is cleared when it is handed out again. */
#define TSOS_SMALL_MAX 256
#define TSOS_CHUNK_BYTES (64 * 1024)
static void *tsos_small_free[TSOS_SMALL_MAX / 16 + 1];
static uint8_t *tsos_chunk_next, *tsos_chunk_end;

__attribute__((noreturn, cold)) static void tsos_out_of_memory(void) {
  fflush(stdout);
  fputs("out of memory\n", stderr);
  exit(134);
}
__attribute__((noinline)) static void *tsos_small_carve(uint64_t rounded) {
  if ((uint64_t)(tsos_chunk_end - tsos_chunk_next) < rounded) {
    /* The tail of the old chunk is left unused: at most TSOS_SMALL_MAX - 16 bytes. */
    tsos_chunk_next = calloc(1, TSOS_CHUNK_BYTES);
    if (!tsos_chunk_next) tsos_out_of_memory();
    tsos_chunk_end = tsos_chunk_next + TSOS_CHUNK_BYTES;
  }
  void *p = tsos_chunk_next;
  tsos_chunk_next += rounded;
  return p;
}
#endif

/* ---- the plain path: a block of `size` bytes from the allocator in use ----
 * Hosted, it is out of line and marked `malloc`, as calloc is: a call site
 * stays as small as a call of calloc, and gcc may assume that a new block
 * aliases nothing else. */
#ifdef TSOS_GLOBAL_ALLOCATOR
static inline void *tsos_block_alloc(uint64_t size, const tsos_loc *loc) {
  return tsos_ga_block(size, loc);
}
#else
/* A small block of k 16-byte units: a freed one (its bytes as they were left), or a new one (zero). */
static inline void *tsos_small_take(uint64_t k, bool *fresh) {
  void *p = tsos_small_free[k];
  *fresh = !p;
  if (!p) return tsos_small_carve(k << 4);
  tsos_small_free[k] = *(void **)p;
  return p;
}
__attribute__((malloc, noinline)) static void *tsos_block_alloc(uint64_t size, const tsos_loc *loc) {
  (void)loc;
  if (size <= TSOS_SMALL_MAX) {
    uint64_t k = size ? (size + 15) >> 4 : 1;
    bool fresh;
    void *p = tsos_small_take(k, &fresh);
    return fresh ? p : __builtin_memset(p, 0, k << 4);
  }
  void *p = calloc(1, size);
  if (!p) tsos_out_of_memory();
  return p;
}
#endif
static inline void tsos_block_free(void *p, uint64_t size) {
#ifdef TSOS_GLOBAL_ALLOCATOR
  tsos_ga_release(p, size);
#else
  if (size <= TSOS_SMALL_MAX) {
    uint64_t k = size ? (size + 15) >> 4 : 1;
    *(void **)p = tsos_small_free[k];
    tsos_small_free[k] = p;
    return;
  }
  free(p);
#endif
}

#ifndef TSOS_MEM_DEBUG
static inline void *tsos_alloc_as(uint64_t size, const tsos_loc *loc, const char *kind) {
  (void)kind;
  return tsos_block_alloc(size, loc);
}
static inline void tsos_free(void *p, uint64_t size, const tsos_loc *loc) {
  (void)loc;
  if (p) tsos_block_free(p, size);
}
#else
/* ---- debug builds: a header before every block ---- */
#define TSOS_BLOCK_LIVE 0x4c495645u  /* "LIVE" */
#define TSOS_BLOCK_FREED 0x44454144u /* "DEAD" */
#define TSOS_POISON 0xdb
typedef struct tsos_block {
  struct tsos_block *prev, *next; /* the live list (TSOS_CHECK_LEAKS) */
  const tsos_loc *loc;            /* where it was allocated (NULL: unknown) */
  const char *kind;               /* its type, for the report; NULL: the runtime's own */
  uint64_t size;                  /* the size tsos_alloc was asked for */
  uint32_t state;                 /* TSOS_BLOCK_LIVE or TSOS_BLOCK_FREED */
  uint32_t reserved;
} tsos_block;
_Static_assert(sizeof(tsos_block) % 16 == 0, "block headers keep 16-byte alignment");
static tsos_block tsos_live = {&tsos_live, &tsos_live, NULL, NULL, 0, 0, 0};
/* Blocks the runtime allocates for itself (process.argv): not the program's leaks. */
static bool tsos_alloc_quiet;

static inline void *tsos_alloc_as(uint64_t size, const tsos_loc *loc, const char *kind) {
  if (size > UINT64_MAX - 2 * sizeof(tsos_block)) tsos_panic_cstr(loc, "invalid allocation size");
  tsos_block *b = tsos_block_alloc(sizeof(tsos_block) + size, loc);
  b->loc = loc ? loc : tsos_alloc_site;
  b->kind = tsos_alloc_quiet ? NULL : kind;
  b->size = size;
  b->state = TSOS_BLOCK_LIVE;
  b->next = tsos_live.next;
  b->prev = &tsos_live;
  tsos_live.next->prev = b;
  tsos_live.next = b;
  return b + 1;
}

__attribute__((noreturn, cold)) static inline void tsos_panic_free(const tsos_loc *loc, const char *what, const tsos_block *b) {
  tsos_panic_begin(loc);
  fputs(what, stderr);
  if (b) {
    fprintf(stderr, " (a block of %" PRIu64 " bytes", b->size);
    if (b->kind) fprintf(stderr, ", %s", b->kind);
    if (b->loc) fprintf(stderr, ", allocated at %s:%d:%d", b->loc->file, b->loc->line, b->loc->col);
    fputc(')', stderr);
  }
  tsos_panic_end();
}

static inline void tsos_free(void *p, uint64_t size, const tsos_loc *loc) {
  if (!p) return;
  if ((uintptr_t)p & 15) tsos_panic_free(loc, "free of a pointer tsos_alloc did not return", NULL);
  tsos_block *b = (tsos_block *)p - 1;
  if (b->state == TSOS_BLOCK_FREED) tsos_panic_free(loc, "double free", b);
  if (b->state != TSOS_BLOCK_LIVE) tsos_panic_free(loc, "free of a pointer tsos_alloc did not return", NULL);
  if (b->size != size) {
    tsos_panic_begin(loc);
    fprintf(stderr, "free with the wrong size: %" PRIu64 " bytes given back, %" PRIu64 " allocated", size, b->size);
    if (b->kind) fprintf(stderr, " (%s", b->kind);
    if (b->loc) fprintf(stderr, "%sallocated at %s:%d:%d", b->kind ? ", " : " (", b->loc->file, b->loc->line, b->loc->col);
    if (b->kind || b->loc) fputc(')', stderr);
    tsos_panic_end();
  }
  b->prev->next = b->next;
  b->next->prev = b->prev;
  b->prev = b->next = NULL;
#ifdef TSOS_CHECK_FREES
  /* Poisoned and kept: a use after free reads 0xdb bytes, a second free finds the header. */
  __builtin_memset(p, TSOS_POISON, size);
  b->state = TSOS_BLOCK_FREED;
#else
  b->state = TSOS_BLOCK_FREED;
  tsos_block_free(b, sizeof(tsos_block) + size);
#endif
}
#endif /* TSOS_MEM_DEBUG */

static inline void *tsos_alloc(uint64_t size, const tsos_loc *loc) { return tsos_alloc_as(size, loc, "string"); }

/*
 * A block whose bytes the caller writes before reading them (a string's
 * text, the grown elements of an array): on the plain hosted path it is not
 * zeroed, which is most of the cost of a short string. Debug builds and
 * installed allocators use tsos_alloc_as (`kind` names the type for the leak
 * report; tsos_alloc_unzeroed's blocks are strings).
 */
#if !defined(TSOS_GLOBAL_ALLOCATOR) && !defined(TSOS_MEM_DEBUG)
__attribute__((malloc, noinline)) static void *tsos_alloc_unzeroed(uint64_t size, const tsos_loc *loc) {
  (void)loc;
  if (size <= TSOS_SMALL_MAX) {
    bool fresh;
    return tsos_small_take(size ? (size + 15) >> 4 : 1, &fresh);
  }
  void *p = malloc(size);
  if (!p) tsos_out_of_memory();
  return p;
}
static inline void *tsos_alloc_unzeroed_as(uint64_t size, const tsos_loc *loc, const char *kind) {
  (void)kind;
  return tsos_alloc_unzeroed(size, loc);
}
#else
static inline void *tsos_alloc_unzeroed(uint64_t size, const tsos_loc *loc) { return tsos_alloc(size, loc); }
static inline void *tsos_alloc_unzeroed_as(uint64_t size, const tsos_loc *loc, const char *kind) { return tsos_alloc_as(size, loc, kind); }
#endif

#ifdef TSOS_CHECK_LEAKS
/* One line of the report: the live blocks of one type allocated at one site. */
typedef struct { const char *kind; const tsos_loc *loc; uint64_t count, bytes; } tsos_leak_row;
static inline int tsos_leak_row_order(const void *pa, const void *pb) {
  const tsos_leak_row *a = pa, *b = pb;
  const char *fa = a->loc ? a->loc->file : "", *fb = b->loc ? b->loc->file : "";
  int c = __builtin_strcmp(fa, fb);
  if (c) return c;
  int la = a->loc ? a->loc->line : 0, lb = b->loc ? b->loc->line : 0;
  if (la != lb) return la < lb ? -1 : 1;
  int ca = a->loc ? a->loc->col : 0, cb = b->loc ? b->loc->col : 0;
  if (ca != cb) return ca < cb ? -1 : 1;
  return __builtin_strcmp(a->kind, b->kind);
}
/* At exit: what is still allocated, on stderr. Returns whether anything is. */
static inline bool tsos_leak_report(void) {
  uint64_t rows = 0, blocks = 0, bytes = 0;
  for (tsos_block *b = tsos_live.next; b != &tsos_live; b = b->next) if (b->kind) rows++;
  if (!rows) return false;
  tsos_leak_row *row = malloc(sizeof(tsos_leak_row) * rows);
  uint64_t n = 0;
  for (tsos_block *b = tsos_live.next; b != &tsos_live; b = b->next) {
    if (!b->kind) continue;
    blocks++;
    bytes += b->size;
    uint64_t i = 0;
    while (i < n && !(row[i].loc == b->loc && __builtin_strcmp(row[i].kind, b->kind) == 0)) i++;
    if (i == n) row[n++] = (tsos_leak_row){b->kind, b->loc, 0, 0};
    row[i].count++;
    row[i].bytes += b->size;
  }
  qsort(row, n, sizeof *row, tsos_leak_row_order);
  fflush(stdout);
  fprintf(stderr, "leak check: %" PRIu64 " block%s (%" PRIu64 " bytes) still allocated at exit\n", blocks, blocks == 1 ? "" : "s", bytes);
  for (uint64_t i = 0; i < n; i++) {
    fprintf(stderr, "  %" PRIu64 " %s (%" PRIu64 " bytes) allocated at ", row[i].count, row[i].kind, row[i].bytes);
    if (row[i].loc) fprintf(stderr, "%s:%d:%d\n", row[i].loc->file, row[i].loc->line, row[i].loc->col);
    else fputs("<runtime>\n", stderr);
  }
  free(row);
  return true;
}
#endif /* TSOS_CHECK_LEAKS */
#endif
