/*
 * boot.S: x86_64 boot stub of tsos (GNU as via gcc). Citations: "SDM" = Intel
 * SDM, Dec 2022 edition (325462-078; later editions renumber some chapters);
 * "MB" = Multiboot spec 0.6.96.
 * Input:  a Multiboot v1 loader enters _start in 32-bit protected mode, paging
 *         and interrupts off, eax = 0x2BADB002, ebx = physical address of the
 *         Multiboot info (MB §3.2).
 * Output: kernel_main(uint32_t multiboot_magic, uint32_t multiboot_info_addr)
 *         runs in 64-bit mode (SysV: edi, esi) on a 64 KiB stack with the first
 *         1 GiB identity-mapped; if it returns: cli; hlt forever. A bad magic or
 *         a CPU without long mode prints one line to VGA and COM1 and halts.
 * Loading: header flag bit 16 (the "a.out kludge", MB §3.1.3) makes the loader
 *         copy the file flat: the header's file offset maps to header_addr,
 *         load_addr..load_end_addr come from the file, up to bss_end_addr is
 *         zeroed. So QEMU -kernel loads this ELF64 as is (without the kludge
 *         it rejects ELF64), no objcopy, and the same file serves gdb. It needs
 *         file offsets that follow addresses: linker.ld's single PT_LOAD.
 * Invariants: page tables, guard page and stack are in .bss.boot. 1 GiB is
 *         mapped with 2 MiB pages, except the 2 MiB region holding the guard
 *         page, which gets a 4 KiB page table whose guard entry is not present:
 *         a stack overflow faults with CR2 in [__stack_guard_bottom,
 *         __stack_bottom). Exports __stack_guard_bottom, __stack_bottom,
 *         __stack_top (linker.ld: __kernel_start, __kernel_end). The boot GDT
 *         (code64 0x08, data 0x10) stays valid until the kernel loads its own.
 */

#define MB_MAGIC       0x1BADB002      /* MB §3.1.2 */
#define MB_FLAGS       ((1 << 1) | (1 << 16)) /* bit 1: mem_* / mmap info; bit 16: address fields valid (§3.1.2) */
#define MB_BOOT_MAGIC  0x2BADB002      /* eax at entry, §3.2 */
#define PTE_P_W        0x3             /* present | writable (SDM vol. 3A §4.5, Tables 4-15..4-20) */
#define PDE_HUGE       0x83            /* present | writable | PS: 2 MiB page (Table 4-18) */
#define STACK_SIZE     0x10000         /* 64 KiB */

    .section .multiboot, "a"
    .align 4
multiboot_header:                      /* must lie in the first 8 KiB of the file (§3.1.1) */
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)       /* checksum: the three fields sum to 0 */
    .long multiboot_header             /* header_addr   (§3.1.3) */
    .long __kernel_start               /* load_addr: start of the image = start of the file's text */
    .long __load_end                   /* load_end_addr: end of .data */
    .long __kernel_end                 /* bss_end_addr: the loader zeroes up to here */
    .long _start                       /* entry_addr */

    .section .text
    .code32
    .global _start
_start:
    mov $__stack_top, %esp
    mov %eax, %edi                     /* keep magic and info pointer in edi/esi: */
    mov %ebx, %esi                     /* cpuid below clobbers eax..edx */

    mov $msg_magic, %ebp               /* ebp = message for fail32 */
    cmp $MB_BOOT_MAGIC, %eax
    jne fail32

    /* Long mode present? CPUID 80000001H:EDX bit 29 (SDM vol. 2A, CPUID). */
    mov $msg_lm, %ebp
    mov $0x80000000, %eax
    cpuid
    cmp $0x80000001, %eax
    jb fail32
    mov $0x80000001, %eax
    cpuid
    bt $29, %edx
    jnc fail32

    /* 4-level paging structures (SDM vol. 3A §4.5): PML4[0] -> PDPT[0] -> PD. */
    movl $(pdpt + PTE_P_W), pml4
    movl $(pd + PTE_P_W), pdpt
    xor %ecx, %ecx                     /* PD[i] = i * 2 MiB, huge page; covers 1 GiB */
1:  mov %ecx, %eax
    shl $21, %eax
    or $PDE_HUGE, %eax
    mov %eax, pd(, %ecx, 8)
    inc %ecx
    cmp $512, %ecx
    jne 1b

    /* The 2 MiB region holding the guard page gets a 4 KiB page table. */
    mov $__stack_guard_bottom, %edx
    and $~0x1FFFFF, %edx               /* edx = region base */
    xor %ecx, %ecx
2:  mov %ecx, %eax
    shl $12, %eax
    add %edx, %eax
    or $PTE_P_W, %eax
    mov %eax, pt(, %ecx, 8)
    inc %ecx
    cmp $512, %ecx
    jne 2b
    mov $__stack_guard_bottom, %eax
    shr $12, %eax
    and $0x1FF, %eax
    movl $0, pt(, %eax, 8)             /* guard page: not present */
    mov $__stack_guard_bottom, %eax
    shr $21, %eax
    movl $(pt + PTE_P_W), pd(, %eax, 8)

    /* Enter IA-32e mode (SDM vol. 3A §9.8.5 "Initializing IA-32e Mode"):
     * CR4.PAE, CR3, EFER.LME, then CR0.PG; then a far jump to a CS with L=1. */
    mov %cr4, %eax
    or $(1 << 5), %eax                 /* CR4.PAE (§2.5 "Control Registers") */
    mov %eax, %cr4
    mov $pml4, %eax
    mov %eax, %cr3
    mov $0xC0000080, %ecx              /* IA32_EFER (§2.2.1) */
    rdmsr
    or $(1 << 8), %eax                 /* EFER.LME */
    wrmsr
    mov %cr0, %eax
    or $((1 << 31) | 1), %eax          /* CR0.PG | CR0.PE */
    mov %eax, %cr0
    lgdt gdt_ptr
    ljmp $0x08, $start64               /* CS.L=1 selector: now in 64-bit mode */

/* ebp = NUL-terminated message: white on red at the top of VGA text memory
 * (0xb8000) and, byte by byte, to COM1's data port (0x3F8), then halt. */
fail32:
    mov $0xb8000, %edi
    mov $0x3F8, %dx
3:  movzbl (%ebp), %eax
    test %eax, %eax
    jz halt
    out %al, %dx
    or $0x4f00, %eax
    mov %ax, (%edi)
    inc %ebp
    add $2, %edi
    jmp 3b

    .code64
start64:
    mov $0x10, %eax                    /* data selector everywhere (SDM vol. 3A §3.4.4) */
    mov %eax, %ds
    mov %eax, %es
    mov %eax, %ss
    mov %eax, %fs
    mov %eax, %gs
    mov $__stack_top, %rsp             /* 16-byte aligned at the call (SysV AMD64 ABI §3.2.2) */
    xor %ebp, %ebp                     /* end of frame chain for backtraces */
    mov %edi, %edi                     /* upper halves are undefined after the */
    mov %esi, %esi                     /* mode switch (SDM vol. 1 §3.4.1.1) */
    call kernel_main
halt:                                  /* same bytes in 32- and 64-bit mode: fail32 uses it too */
    cli
    hlt
    jmp halt

    .section .rodata
    .align 8
/* Boot GDT (SDM vol. 3A §3.4.5, §5.2.1): code has L=1, D=0 (64-bit). */
gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF           /* 0x08: code, present, DPL 0, L */
    .quad 0x00CF92000000FFFF           /* 0x10: data, present, writable */
gdt_ptr:
    .word gdt_ptr - gdt - 1
    .quad gdt
msg_magic: .asciz "tsos boot: not loaded by a Multiboot v1 loader (bad eax magic)"
msg_lm:    .asciz "tsos boot: this CPU does not support 64-bit long mode"

    .section .bss.boot, "aw", @nobits
    .align 4096
pml4: .skip 4096
pdpt: .skip 4096
pd:   .skip 4096
pt:   .skip 4096
    .global __stack_guard_bottom, __stack_bottom, __stack_top
__stack_guard_bottom: .skip 4096       /* unmapped */
__stack_bottom: .skip STACK_SIZE
__stack_top:

    .section .note.GNU-stack, "", @progbits   /* no executable-stack request */
