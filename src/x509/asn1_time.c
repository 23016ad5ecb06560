#include "asn1_time.h"

#include <stdio.h>

#include "base/der.h"

/* Days in the proleptic Gregorian calendar, counted in 400-year eras of
 * 146097 days starting on March 1st so that the leap day ends the year. */
int64_t tls13_days_from_civil(int64_t year, unsigned month, unsigned day)
{
    int64_t y = year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                  /* [0, 399] */
    int64_t mp = (month + 9) % 12;                                /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + (int64_t)day - 1;          /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* [0, 146096] */
    return era * 146097 + doe - 719468;                           /* 719468: 0000-03-01 .. 1970-01-01 */
}

void tls13_civil_from_days(int64_t days, int64_t *year, unsigned *month, unsigned *day)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *day = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *month = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2);
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(int64_t y, unsigned m)
{
    static const unsigned len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* n decimal digits at s; false on anything else. */
static bool digits(const uint8_t *s, size_t n, unsigned *out)
{
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    *out = v;
    return true;
}

bool tls13_asn1_time_parse(uint8_t tag, const uint8_t *s, size_t len, int64_t *out)
{
    unsigned yy, mon, day, hh, mm, ss;
    int64_t year;
    size_t ylen;
    if (tag == TLS13_DER_UTC_TIME)
        ylen = 2;
    else if (tag == TLS13_DER_GENERALIZED_TIME)
        ylen = 4;
    else
        return false;
    if (len != ylen + 11 || s[len - 1] != 'Z')
        return false;
    if (!digits(s, ylen, &yy) || !digits(s + ylen, 2, &mon) || !digits(s + ylen + 2, 2, &day) ||
        !digits(s + ylen + 4, 2, &hh) || !digits(s + ylen + 6, 2, &mm) || !digits(s + ylen + 8, 2, &ss))
        return false;
    if (ylen == 2)
        year = yy >= 50 ? 1900 + yy : 2000 + yy; /* RFC 5280 4.1.2.5.1 */
    else
        year = yy;
    if (mon < 1 || mon > 12 || day < 1 || day > days_in_month(year, mon) || hh > 23 || mm > 59 || ss > 59)
        return false;
    *out = tls13_days_from_civil(year, mon, day) * 86400 + hh * 3600 + mm * 60 + ss;
    return true;
}

bool tls13_asn1_time_read(tls13_reader *r, int64_t *out)
{
    uint8_t tag;
    tls13_reader v;
    if (!tls13_der_read_any(r, &tag, &v))
        return false;
    if (!tls13_asn1_time_parse(tag, v.p, v.len, out)) {
        tls13_reader_fail(r);
        return false;
    }
    return true;
}

void tls13_asn1_time_format(int64_t t, char *out, size_t out_len)
{
    int64_t days = t / 86400, secs = t % 86400, year;
    unsigned month, day;
    if (secs < 0) {
        secs += 86400;
        days -= 1;
    }
    tls13_civil_from_days(days, &year, &month, &day);
    snprintf(out, out_len, "%04lld-%02u-%02u %02u:%02u:%02u UTC", (long long)year, month, day,
             (unsigned)(secs / 3600), (unsigned)(secs / 60 % 60), (unsigned)(secs % 60));
}
