/*
 * Memory: every allocation goes through the hook set by tls13_set_allocator
 * (default malloc/free), and every secret is wiped with tls13_wipe before its
 * memory is released.
 */
#ifndef TLS13_BASE_MEM_H
#define TLS13_BASE_MEM_H

#include <stddef.h>

void *tls13_alloc(size_t size);
/* Zero-filled; fails (NULL) on overflow of n * size. */
void *tls13_calloc(size_t n, size_t size);
void tls13_free(void *ptr);
/* Wipes size bytes at ptr, then frees it. */
void tls13_free_wiped(void *ptr, size_t size);
/* Zeroes memory in a way the compiler may not remove. */
void tls13_wipe(void *ptr, size_t size);

#endif
