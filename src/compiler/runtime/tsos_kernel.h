/*
 * tsos_kernel.h: the runtime of the kernel target (x86_64, freestanding).
 *
 * Input:  included first by generated C for `--target kernel`; the generated
 *         C defines tsos_panic_handler (the TypeScript @panicHandler) and
 *         kernel_main (called by kernel/arch/x86_64/boot.S).
 * Output: the intrinsics of lib/kernel.d.ts as inline asm, atomics, panics
 *         routed to TypeScript, and the mem* functions gcc may call.
 * Invariants: no libc; nothing here allocates; until the kernel installs a
 *             global allocator (runtime/tsos_alloc.h), an allocation panics
 *             with a clear message and its TS location.
 */
#ifndef TSOS_KERNEL_H
#define TSOS_KERNEL_H
#include "tsos_rt.h"

static uint32_t tsos_boot_magic, tsos_boot_info;
static void tsos_panic_handler(tsos_str message, tsos_str file, uint32_t line, uint32_t column);

/* ---- panics: formatted on the stack, handed to the TypeScript handler ---- */
static inline tsos_str tsos_loc_file(const tsos_loc *loc) { return tsos_cstr(loc ? loc->file : "<runtime>"); }
__attribute__((noreturn, cold)) static inline void tsos_panic(const tsos_loc *loc, tsos_str msg) {
  tsos_panic_handler(msg, tsos_loc_file(loc), loc ? (uint32_t)loc->line : 0, loc ? (uint32_t)loc->col : 0);
  for (;;) __asm__ volatile("cli; hlt");
}
__attribute__((noreturn, cold)) static inline void tsos_panic_cstr(const tsos_loc *loc, const char *msg) {
  tsos_panic(loc, tsos_cstr(msg));
}
__attribute__((noreturn, cold)) static inline void tsos_panic_index(const tsos_loc *loc, uint64_t len, int64_t index, bool is_unsigned) {
  char l[24], i[24];
  tsos_str parts[4] = {TSOS_STR("index out of bounds: the length is "), tsos_cstr(tsos_fmt_u64(l + 24, len)),
                       TSOS_STR(" but the index is "),
                       tsos_cstr(is_unsigned ? tsos_fmt_u64(i + 24, (uint64_t)index) : tsos_fmt_i64(i + 24, index))};
  uint8_t buf[96];
  tsos_panic(loc, tsos_join(buf, 4, parts));
}
/* Allocation: none until the kernel installs its allocator (setGlobalAllocator). */
#include "tsos_alloc.h"

/* refCount(obj) and addressOf(obj) (lib/kernel.d.ts, lower/heap-intrinsics.ts): an object's count word and address. */
static inline uint64_t tsos_ref_count(const void *p) { return ((const tsos_obj *)tsos_launder((void *)p))->rc; }
static inline uint64_t tsos_object_address(const void *p) { return (uint64_t)(uintptr_t)p; }

/* ---- port I/O (Intel SDM vol. 1, 18.2) ---- */
static inline uint8_t tsos_k_inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint16_t tsos_k_inw(uint16_t port) { uint16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint32_t tsos_k_inl(uint16_t port) { uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline void tsos_k_outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void tsos_k_outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void tsos_k_outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }

/* ---- CPU instructions (Intel SDM vol. 2) ---- */
static inline void tsos_k_hlt(void) { __asm__ volatile("hlt"); }
static inline void tsos_k_cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void tsos_k_sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void tsos_k_spinLoopHint(void) { __asm__ volatile("pause"); }
static inline void tsos_k_enableInterruptsAndHalt(void) { __asm__ volatile("sti; hlt" ::: "memory"); }
static inline uint64_t tsos_k_readTsc(void) { uint32_t lo, hi; __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi)); return ((uint64_t)hi << 32) | lo; }
/* A hand-written interrupt handler that only returns (IRETQ, SDM vol. 2A): the benchmarks' floor. */
__asm__(".text\n\t.p2align 4\ntsos_iret_handler:\n\tiretq\n");
extern char tsos_iret_handler[];
static inline uint64_t tsos_k_iretHandlerAddress(void) { return (uint64_t)(uintptr_t)tsos_iret_handler; }
static inline bool tsos_k_interruptsEnabled(void) {
  uint64_t flags;
  __asm__ volatile("pushfq; popq %0" : "=r"(flags));
  return (flags & (1u << 9)) != 0; /* RFLAGS.IF, SDM vol. 1, 3.4.3 */
}

/* ---- descriptor tables, segments, exceptions (Intel SDM vol. 3A, 3.5.1, 6.10, 7.2) ---- */
static inline void tsos_k_lidt(uint64_t p) { __asm__ volatile("lidt (%0)" : : "r"(p) : "memory"); }
static inline void tsos_k_lgdt(uint64_t p) { __asm__ volatile("lgdt (%0)" : : "r"(p) : "memory"); }
static inline void tsos_k_ltr(uint16_t sel) { __asm__ volatile("ltr %0" : : "r"(sel)); }
static inline void tsos_k_setCs(uint16_t sel) {
  /* Far return: pop RIP, then CS (SDM vol. 3A, 5.8.6). */
  __asm__ volatile("pushq %q0\n\tleaq 1f(%%rip), %%rax\n\tpushq %%rax\n\tlretq\n1:" : : "r"((uint64_t)sel) : "rax", "memory");
}
static inline void tsos_k_setDataSegments(uint16_t sel) {
  __asm__ volatile("movw %0, %%ss\n\tmovw %0, %%ds\n\tmovw %0, %%es\n\tmovw %0, %%fs\n\tmovw %0, %%gs" : : "r"(sel) : "memory");
}
static inline uint16_t tsos_k_readCs(void) { uint16_t v; __asm__ volatile("movw %%cs, %0" : "=r"(v)); return v; }
static inline void tsos_k_int3(void) { __asm__ volatile("int3" ::: "memory"); }
static inline void tsos_k_ud2(void) { __asm__ volatile("ud2" ::: "memory"); }
static inline uint64_t tsos_k_hardwareDivide(uint64_t dividend, uint64_t divisor) {
  uint64_t q, r;
  __asm__ volatile("divq %4" : "=a"(q), "=d"(r) : "a"(dividend), "d"((uint64_t)0), "r"(divisor));
  (void)r;
  return q;
}
static inline uint64_t tsos_k_readCr2(void) { uint64_t v; __asm__ volatile("movq %%cr2, %0" : "=r"(v)); return v; }
static inline uint64_t tsos_k_readCr3(void) { uint64_t v; __asm__ volatile("movq %%cr3, %0" : "=r"(v)); return v; }
/* ---- paging (Intel SDM vol. 3A, 2.5 "Control Registers", 4.10.4 "Invalidation of TLBs") ---- */
static inline void tsos_k_writeCr3(uint64_t v) { __asm__ volatile("movq %0, %%cr3" : : "r"(v) : "memory"); }
static inline uint64_t tsos_k_readCr0(void) { uint64_t v; __asm__ volatile("movq %%cr0, %0" : "=r"(v)); return v; }
static inline void tsos_k_writeCr0(uint64_t v) { __asm__ volatile("movq %0, %%cr0" : : "r"(v) : "memory"); }
static inline uint64_t tsos_k_readMsr(uint32_t msr) {
  uint32_t lo, hi;
  __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
  return ((uint64_t)hi << 32) | lo;
}
static inline void tsos_k_writeMsr(uint32_t msr, uint64_t v) {
  __asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)) : "memory");
}
static inline void tsos_k_invlpg(uint64_t address) { __asm__ volatile("invlpg (%0)" : : "r"(address) : "memory"); }
static inline uint32_t tsos_k_cpuidEdx(uint32_t leaf) {
  uint32_t a, b, c, d;
  __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(leaf), "c"(0));
  (void)a; (void)b; (void)c;
  return d;
}
/* A call to code at `address` (tests: executing from a no-execute page must fault). */
static inline void tsos_k_callAddress(uint64_t address) { ((void (*)(void))(uintptr_t)address)(); __asm__ volatile("" ::: "memory"); }
static inline uint64_t tsos_k_readRsp(void) { uint64_t v; __asm__ volatile("movq %%rsp, %0" : "=r"(v)); return v; }

/* ---- what the boot stub hands over ---- */
extern char __stack_guard_bottom[], __stack_bottom[], __stack_top[], __kernel_start[], __kernel_end[];
extern char __rodata_start[], __data_start[];
static inline uint32_t tsos_k_multibootMagic(void) { return tsos_boot_magic; }
static inline uint64_t tsos_k_multibootInfoAddress(void) { return tsos_boot_info; }
static inline uint64_t tsos_k_stackGuardAddress(void) { return (uint64_t)(uintptr_t)__stack_guard_bottom; }
static inline uint64_t tsos_k_stackBottomAddress(void) { return (uint64_t)(uintptr_t)__stack_bottom; }
static inline uint64_t tsos_k_stackTopAddress(void) { return (uint64_t)(uintptr_t)__stack_top; }
static inline uint64_t tsos_k_kernelStartAddress(void) { return (uint64_t)(uintptr_t)__kernel_start; }
static inline uint64_t tsos_k_kernelEndAddress(void) { return (uint64_t)(uintptr_t)__kernel_end; }
static inline uint64_t tsos_k_rodataStartAddress(void) { return (uint64_t)(uintptr_t)__rodata_start; }
static inline uint64_t tsos_k_dataStartAddress(void) { return (uint64_t)(uintptr_t)__data_start; }

/* ---- atomics (sequentially consistent) ---- */
typedef struct { bool v; } tsos_atomic_bool;
typedef struct { uint32_t v; } tsos_atomic_u32;
#define TSOS_ATOMIC(K, T)                                                                              \
  static inline T tsos_atomic_##K##_load(tsos_atomic_##K *a) { return __atomic_load_n(&a->v, __ATOMIC_SEQ_CST); } \
  static inline void tsos_atomic_##K##_store(tsos_atomic_##K *a, T v) { __atomic_store_n(&a->v, v, __ATOMIC_SEQ_CST); } \
  static inline T tsos_atomic_##K##_swap(tsos_atomic_##K *a, T v) { return __atomic_exchange_n(&a->v, v, __ATOMIC_SEQ_CST); }
TSOS_ATOMIC(bool, bool)
TSOS_ATOMIC(u32, uint32_t)
static inline uint32_t tsos_atomic_u32_fetchAdd(tsos_atomic_u32 *a, uint32_t v) { return __atomic_fetch_add(&a->v, v, __ATOMIC_SEQ_CST); }

/* ---- gcc may emit calls to these even in freestanding code ---- */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
__attribute__((weak)) void *memcpy(void *dst, const void *src, size_t n) {
  uint8_t *d = dst; const uint8_t *s = src;
  while (n--) *d++ = *s++;
  return dst;
}
__attribute__((weak)) void *memmove(void *dst, const void *src, size_t n) {
  uint8_t *d = dst; const uint8_t *s = src;
  if (d < s) while (n--) *d++ = *s++;
  else while (n--) d[n] = s[n];
  return dst;
}
__attribute__((weak)) void *memset(void *dst, int c, size_t n) {
  uint8_t *d = dst;
  while (n--) *d++ = (uint8_t)c;
  return dst;
}
__attribute__((weak)) int memcmp(const void *a, const void *b, size_t n) {
  const uint8_t *x = a, *y = b;
  for (; n--; x++, y++) if (*x != *y) return *x - *y;
  return 0;
}
#endif
