/**
 * lib/pic8259/chained_pics.ts: the two Intel 8259A interrupt controllers of
 * the PC, the master and its slave on the master's line 2, after the Rust
 * pic8259 crate (blog_os post 07).
 *
 * Hardware (Intel 8259A datasheet, "Programming the 8259A"; OSDev "8259 PIC"):
 *   master: command 0x20, data 0x21; slave: command 0xA0, data 0xA1.
 *   Initialization words, in this order, to each controller:
 *     ICW1 (command port) 0x11: edge triggered, cascade mode, ICW4 follows;
 *     ICW2 (data port): the vector of line 0 (a multiple of 8);
 *     ICW3 (data port): master 0b100 (a slave on line 2), slave 2 (its id);
 *     ICW4 (data port) 0x01: 8086 mode, normal end of interrupt.
 *   OCW1 (data port): the mask, bit n = 1 disables line n.
 *   OCW2 (command port) 0x20: non-specific end of interrupt (EOI).
 *   OCW3 (command port) 0x0B: the next command-port read returns the ISR.
 * Invariants: lines 0-7 are the master's, 8-15 the slave's; an interrupt from
 *   the slave needs an EOI to both; a spurious interrupt (line 7 or 15 with
 *   its ISR bit clear) must not get one from its own controller, and one from
 *   the slave's line 15 still needs the master's EOI for line 2.
 */

const ICW1_INIT_WITH_ICW4: u8 = 0x11;
const ICW3_MASTER_HAS_SLAVE_ON_2: u8 = 0x04;
const ICW3_SLAVE_ID: u8 = 0x02;
const ICW4_8086: u8 = 0x01;
const OCW2_END_OF_INTERRUPT: u8 = 0x20;
const OCW3_READ_ISR: u8 = 0x0b;
/** An unused port; writing it takes about 1 µs, time for an old 8259 to settle (OSDev "8259 PIC"). */
const IO_WAIT_PORT: u16 = 0x80;

const MASTER_COMMAND: u16 = 0x20;
const MASTER_DATA: u16 = 0x21;
const SLAVE_COMMAND: u16 = 0xa0;
const SLAVE_DATA: u16 = 0xa1;

/** Writes one initialization or operation word, then gives the 8259 time to take it. */
function write(port: u16, value: u8): void {
  outb(port, value);
  outb(IO_WAIT_PORT, 0);
}

/** The in-service register of the controller at `command`: bit n is set while line n's handler runs. */
function readInService(command: u16): u8 {
  outb(command, OCW3_READ_ISR);
  return inb(command);
}

/** The master and slave 8259A, remapped so that line n raises vector offset + n. */
export class ChainedPics {
  /** End-of-interrupt commands sent so far (for tests: a spurious IRQ sends none). */
  endOfInterrupts: u32 = 0;
  /** Spurious interrupts recognised so far. */
  spurious: u32 = 0;

  constructor(
    readonly masterOffset: u8,
    readonly slaveOffset: u8,
  ) {}

  /** Runs the initialization sequence, then sets the masks (bit n = 1 masks line n). */
  initialize(masterMask: u8, slaveMask: u8): void {
    write(MASTER_COMMAND, ICW1_INIT_WITH_ICW4);
    write(SLAVE_COMMAND, ICW1_INIT_WITH_ICW4);
    write(MASTER_DATA, this.masterOffset);
    write(SLAVE_DATA, this.slaveOffset);
    write(MASTER_DATA, ICW3_MASTER_HAS_SLAVE_ON_2);
    write(SLAVE_DATA, ICW3_SLAVE_ID);
    write(MASTER_DATA, ICW4_8086);
    write(SLAVE_DATA, ICW4_8086);
    this.setMasks(masterMask, slaveMask);
  }

  setMasks(masterMask: u8, slaveMask: u8): void {
    outb(MASTER_DATA, masterMask);
    outb(SLAVE_DATA, slaveMask);
  }

  /** The master's mask register, read back from its data port. */
  get masterMask(): u8 {
    return inb(MASTER_DATA);
  }

  /** The slave's mask register, read back from its data port. */
  get slaveMask(): u8 {
    return inb(SLAVE_DATA);
  }

  private onMaster(vector: u8): boolean {
    return vector >= this.masterOffset && vector < this.masterOffset + 8;
  }

  private onSlave(vector: u8): boolean {
    return vector >= this.slaveOffset && vector < this.slaveOffset + 8;
  }

  /** Whether `vector` is one of the 16 lines' vectors. */
  handles(vector: u8): boolean {
    return this.onMaster(vector) || this.onSlave(vector);
  }

  /**
   * Whether the interrupt on `vector` is spurious: line 7 or 15 raised while
   * that line is not in service (the 8259 lost the request it signalled).
   * A spurious line 15 has still been acknowledged by the master on line 2,
   * so the master gets its EOI here; the slave gets none.
   */
  isSpurious(vector: u8): boolean {
    if (vector === this.masterOffset + 7 && (readInService(MASTER_COMMAND) & 0x80) === 0) {
      this.spurious++;
      return true;
    }
    if (vector === this.slaveOffset + 7 && (readInService(SLAVE_COMMAND) & 0x80) === 0) {
      this.spurious++;
      outb(MASTER_COMMAND, OCW2_END_OF_INTERRUPT);
      this.endOfInterrupts++;
      return true;
    }
    return false;
  }

  /** Tells the controller(s) that raised `vector` that its handler is done. */
  notifyEndOfInterrupt(vector: u8): void {
    if (!this.handles(vector)) return;
    if (this.onSlave(vector)) outb(SLAVE_COMMAND, OCW2_END_OF_INTERRUPT);
    outb(MASTER_COMMAND, OCW2_END_OF_INTERRUPT);
    this.endOfInterrupts++;
  }
}
