/* itoa: format 0..25,000,000-1 in decimal by hand into a byte buffer; sum the digit bytes. */
#include <stdint.h>
#include <stdio.h>

/* Writes the digits of x at the end of buf[0..16) and returns the index of the first. */
static uint32_t format_u32(uint32_t x, uint8_t *buf) {
  uint32_t pos = 16;
  do {
    pos--;
    buf[pos] = (uint8_t)('0' + x % 10);
    x /= 10;
  } while (x != 0);
  return pos;
}

int main(void) {
  const uint32_t n = 25000000;
  uint8_t buf[16] = {0};
  uint64_t sum = 0;
  uint64_t digits = 0;
  for (uint32_t k = 0; k < n; k++) {
    uint32_t start = format_u32(k, buf);
    for (uint32_t i = start; i < 16; i++) sum += buf[i];
    digits += 16 - start;
  }
  printf("itoa %llu %llu\n", (unsigned long long)sum, (unsigned long long)digits);
  return 0;
}
