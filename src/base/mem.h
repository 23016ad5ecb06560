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
/* Zeroes TLS13_WIPE_STACK_BYTES of stack below the caller's frame: where a
 * function that has just returned kept its locals and its register spills.
 * For secret-heavy routines whose temporaries live in registers and spill
 * slots, which no tls13_wipe can name. Best effort: C fixes no stack layout,
 * and the routine must not be inlined into the caller (TLS13_NOINLINE). */
#define TLS13_WIPE_STACK_BYTES 4096
void tls13_wipe_stack(void);

#if defined(__GNUC__) || defined(__clang__)
#define TLS13_NOINLINE __attribute__((noinline))
#else
#define TLS13_NOINLINE
#endif

#endif
