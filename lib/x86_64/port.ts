/**
 * lib/x86_64/port.ts: typed I/O ports, after the Rust x86_64 crate's
 * instructions::port (Port, PortReadOnly, PortWriteOnly).
 *
 * x86 devices sit in a separate 16-bit I/O address space, reached with the IN
 * and OUT instructions (Intel SDM vol. 1 §18.2 "I/O Ports"; vol. 2A "IN", vol.
 * 2B "OUT"). A port object holds the port number; its type fixes the access
 * width (byte, word, doubleword) and direction, so a status register cannot be
 * written and a command register cannot be read by mistake.
 */

/** An 8-bit port that is read and written (inb/outb). */
export class PortU8 {
  constructor(readonly port: u16) {}
  read(): u8 { return inb(this.port); }
  write(value: u8): void { outb(this.port, value); }
}

/** An 8-bit port that is only read, e.g. a status register. */
export class PortReadOnlyU8 {
  constructor(readonly port: u16) {}
  read(): u8 { return inb(this.port); }
}

/** An 8-bit port that is only written, e.g. a command register. */
export class PortWriteOnlyU8 {
  constructor(readonly port: u16) {}
  write(value: u8): void { outb(this.port, value); }
}

/** A 16-bit port that is read and written (inw/outw). */
export class PortU16 {
  constructor(readonly port: u16) {}
  read(): u16 { return inw(this.port); }
  write(value: u16): void { outw(this.port, value); }
}

export class PortReadOnlyU16 {
  constructor(readonly port: u16) {}
  read(): u16 { return inw(this.port); }
}

export class PortWriteOnlyU16 {
  constructor(readonly port: u16) {}
  write(value: u16): void { outw(this.port, value); }
}

/** A 32-bit port that is read and written (inl/outl). */
export class PortU32 {
  constructor(readonly port: u16) {}
  read(): u32 { return inl(this.port); }
  write(value: u32): void { outl(this.port, value); }
}

export class PortReadOnlyU32 {
  constructor(readonly port: u16) {}
  read(): u32 { return inl(this.port); }
}

export class PortWriteOnlyU32 {
  constructor(readonly port: u16) {}
  write(value: u32): void { outl(this.port, value); }
}
