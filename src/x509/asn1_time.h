/*
 * X.509 times (RFC 5280 section 4.1.2.5) as seconds since 1970-01-01 UTC,
 * computed with civil-calendar arithmetic so that nothing depends on the C
 * library's time zone or time_t. (Named asn1_time.h so it never shadows the
 * C library's <time.h>.)
 */
#ifndef TLS13_X509_ASN1_TIME_H
#define TLS13_X509_ASN1_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/bytes.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
int64_t tls13_days_from_civil(int64_t year, unsigned month, unsigned day);
/* The inverse: the date of a day number. */
void tls13_civil_from_days(int64_t days, int64_t *year, unsigned *month, unsigned *day);

/* Parses UTCTime "YYMMDDHHMMSSZ" (YY >= 50 is 19YY, else 20YY) or
 * GeneralizedTime "YYYYMMDDHHMMSSZ": exactly these forms, seconds present,
 * no fraction, no offset, every field in range (RFC 5280 4.1.2.5.1/2). */
bool tls13_asn1_time_parse(uint8_t tag, const uint8_t *s, size_t len, int64_t *out);
/* Reads a Time CHOICE (UTCTime or GeneralizedTime) from a DER reader. */
bool tls13_asn1_time_read(tls13_reader *r, int64_t *out);
/* "2026-01-01 00:00:00 UTC" (always terminated). */
void tls13_asn1_time_format(int64_t t, char *out, size_t out_len);

#endif
