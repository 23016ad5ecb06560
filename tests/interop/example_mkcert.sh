#!/usr/bin/env bash
# tls13-mkcert (tls13_cert_generate) makes certificates that OpenSSL parses and
# verifies: a local CA and a leaf for DNS names and IPs, the CA reused on a
# second run, an external CA (OpenSSL-made, P-384 with its own key identifier)
# used with --ca-cert/--ca-key, and precise failures for bad input.
source "$(dirname "$0")/example_lib.bash" "$1"
cd "$tmp"

say "CA and leaf for localhost 127.0.0.1 ::1 *.dev.test"
timeout 20 "$bin/tls13-mkcert" --out certs localhost 127.0.0.1 ::1 '*.dev.test' >mk.log
grep -q "wrote certs/ca.pem" mk.log && grep -q "wrote certs/localhost.pem" mk.log || { cat mk.log; fail "mkcert did not report its files"; }
for f in ca-key.pem localhost-key.pem; do
  [ "$(stat -c %a "certs/$f")" = 600 ] || fail "certs/$f has mode $(stat -c %a "certs/$f"), not 0600"
done
openssl x509 -in certs/ca.pem -noout -text >ca.txt || fail "openssl cannot parse the CA"
openssl x509 -in certs/localhost.pem -noout -text >leaf.txt || fail "openssl cannot parse the leaf"
grep -q "CA:TRUE" ca.txt && grep -q "Certificate Sign, CRL Sign" ca.txt || { cat ca.txt; fail "CA extensions"; }
grep -q "ecdsa-with-SHA256" leaf.txt && grep -q "CA:FALSE" leaf.txt && grep -q "Digital Signature" leaf.txt ||
  { cat leaf.txt; fail "leaf signature algorithm or extensions"; }
grep -q "TLS Web Server Authentication, TLS Web Client Authentication" leaf.txt || fail "leaf extKeyUsage"
grep -q "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:\*.dev.test" leaf.txt ||
  { grep -A1 "Alternative Name" leaf.txt; fail "leaf subjectAltName"; }
openssl verify -x509_strict -purpose sslserver -CAfile certs/ca.pem certs/localhost.pem || fail "openssl verify (server)"
openssl verify -x509_strict -purpose sslclient -CAfile certs/ca.pem certs/localhost.pem || fail "openssl verify (client)"
openssl verify -x509_strict -CAfile certs/ca.pem -verify_hostname localhost certs/localhost.pem >/dev/null ||
  fail "openssl verify -verify_hostname localhost"
openssl verify -x509_strict -CAfile certs/ca.pem -verify_ip ::1 certs/localhost.pem >/dev/null || fail "openssl verify -verify_ip ::1"
if openssl verify -CAfile certs/ca.pem -verify_hostname other.test certs/localhost.pem >/dev/null 2>&1; then
  fail "the leaf verified for a name it does not have"
fi
openssl pkey -in certs/localhost-key.pem -noout || fail "openssl cannot read the leaf key"
[ "$(openssl pkey -in certs/localhost-key.pem -pubout)" = "$(openssl x509 -in certs/localhost.pem -noout -pubkey)" ] ||
  fail "the key file does not hold the certificate's key"
not_after=$(openssl x509 -in certs/localhost.pem -noout -enddate | cut -d= -f2)
days=$(( ($(date -d "$not_after" +%s) - $(date +%s)) / 86400 ))
[ "$days" -ge 824 ] && [ "$days" -le 825 ] || fail "leaf valid for $days days, not 825"
not_after=$(openssl x509 -in certs/ca.pem -noout -enddate | cut -d= -f2)
days=$(( ($(date -d "$not_after" +%s) - $(date +%s)) / 86400 ))
[ "$days" -ge 3649 ] && [ "$days" -le 3650 ] || fail "CA valid for $days days, not 3650"
serial=$(openssl x509 -in certs/localhost.pem -noout -serial | cut -d= -f2)
[ ${#serial} -eq 32 ] || fail "serial $serial is not 16 bytes"

say "a second run reuses the CA"
cp certs/ca.pem ca.before
timeout 20 "$bin/tls13-mkcert" --out certs api.dev.test >mk2.log
grep -q "reusing certs/ca.pem" mk2.log || { cat mk2.log; fail "the CA was not reused"; }
cmp -s ca.before certs/ca.pem || fail "the CA file changed"
openssl verify -CAfile certs/ca.pem certs/api.dev.test.pem || fail "openssl verify of the second leaf"
[ "$(openssl x509 -in certs/api.dev.test.pem -noout -serial)" != "$(openssl x509 -in certs/localhost.pem -noout -serial)" ] ||
  fail "two certificates got the same serial"

say "an external P-384 CA made by OpenSSL signs through --ca-cert/--ca-key"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout ext-ca-key.pem -out ext-ca.pem \
  -subj "/O=Example/CN=External CA" -days 30 -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign" 2>/dev/null
timeout 20 "$bin/tls13-mkcert" --out ext --ca-cert ext-ca.pem --ca-key ext-ca-key.pem www.example.test >mk3.log
[ ! -e ext/ca.pem ] || fail "a local CA was made although --ca-cert was given"
openssl verify -x509_strict -CAfile ext-ca.pem ext/www.example.test.pem || fail "openssl verify with the external CA"
openssl x509 -in ext/www.example.test.pem -noout -text | grep -q "ecdsa-with-SHA384" || fail "P-384 CA should sign with SHA-384"
[ "$(openssl x509 -in ext/www.example.test.pem -noout -issuer)" = "issuer=O = Example, CN = External CA" ] ||
  fail "issuer name not copied from the CA"

say "failures"
rc=0; "$bin/tls13-mkcert" --out bad 'not a name!' >/dev/null 2>err.txt || rc=$?
[ $rc -eq 1 ] && grep -q '"not a name!" is neither a DNS name nor an IP address' err.txt || { cat err.txt; fail "bad name: exit $rc"; }
rc=0; "$bin/tls13-mkcert" --out bad --ca-cert certs/ca.pem --ca-key certs/localhost-key.pem x.test >/dev/null 2>err.txt || rc=$?
[ $rc -eq 1 ] && grep -q "does not belong to the issuer certificate" err.txt || { cat err.txt; fail "mismatched CA key: exit $rc"; }
rc=0; "$bin/tls13-mkcert" --ca-cert certs/ca.pem x.test >/dev/null 2>err.txt || rc=$?
[ $rc -eq 2 ] && grep -q "go together" err.txt || { cat err.txt; fail "--ca-cert without --ca-key: exit $rc"; }
rc=0; "$bin/tls13-mkcert" --frobnicate >/dev/null 2>err.txt || rc=$?
[ $rc -eq 2 ] && grep -q "unknown option --frobnicate" err.txt || { cat err.txt; fail "unknown option: exit $rc"; }
echo "PASS"
