#!/bin/bash
# Generates the certificates and keys the X.509 tests use, with the openssl
# CLI, into the directory given as $1 (created if missing). Every certificate
# is made by one "openssl req -x509" call (key, subject, issuer, extensions);
# ECDSA P-256 almost everywhere so the whole set takes about a second.
# Validity windows are relative to "now"; the tests read notBefore from
# root.pem and choose their own verification time from it.
set -euo pipefail
out=${1:?usage: make_chains.sh OUTDIR}
mkdir -p "$out"
cd "$out"

# A configuration with no default extensions: each certificate gets exactly
# the extensions given with -addext.
cat > min.cnf <<'CNF'
[req]
distinguished_name = dn
[dn]
CNF

keyopts() {
    case $1 in
    ec256) echo "-newkey ec -pkeyopt ec_paramgen_curve:P-256" ;;
    ec384) echo "-newkey ec -pkeyopt ec_paramgen_curve:P-384" ;;
    ec521) echo "-newkey ec -pkeyopt ec_paramgen_curve:P-521" ;;
    rsa2048) echo "-newkey rsa:2048" ;;
    rsa1024) echo "-newkey rsa:1024" ;;
    rsapss) echo "-newkey rsa-pss -pkeyopt rsa_keygen_bits:2048" ;;
    ed25519) echo "-newkey ed25519" ;;
    key:*) echo "-key ${1#key:}" ;;
    *) echo "unknown key spec $1" >&2; exit 1 ;;
    esac
}

# mk NAME SIGNER SUBJECT DAYS KEYSPEC [openssl args, e.g. -addext ...]
# SIGNER is "self" or the NAME of an earlier CA (NAME.pem, NAME.key).
mk() {
    local name=$1 signer=$2 subj=$3 days=$4 keyspec=$5
    shift 5
    local ca=()
    if [ "$signer" != self ]; then ca=(-CA "$signer.pem" -CAkey "$signer.key"); fi
    local keyout=()
    case $keyspec in key:*) ;; *) keyout=(-keyout "$name.key") ;; esac
    # shellcheck disable=SC2046
    openssl req -x509 -new -config min.cnf $(keyopts "$keyspec") -nodes "${keyout[@]}" \
        -subj "$subj" -days "$days" "${ca[@]}" "$@" -out "$name.pem" 2>/dev/null
}

CA_EXT=(-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
        -addext "subjectKeyIdentifier=hash")
AKI=(-addext "authorityKeyIdentifier=keyid")
LEAF_EXT=(-addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature"
          -addext "extendedKeyUsage=serverAuth" "${AKI[@]}")
SANS="subjectAltName=DNS:example.com,DNS:*.example.com,IP:127.0.0.1,IP:::1"

# The main hierarchy: root -> inter (pathlen 0) -> leaf.
mk root self "/CN=Test Root CA/O=libtls13 tests" 3650 ec256 "${CA_EXT[@]}"
mk inter root "/CN=Test Intermediate CA/O=libtls13 tests" 1825 ec256 \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" "${AKI[@]}"
mk leaf inter "/CN=example.com/O=Example, Inc." 90 ec256 "${LEAF_EXT[@]}" -addext "$SANS"
mk other_root self "/CN=Other Root CA" 3650 ec256 "${CA_EXT[@]}"
mk selfsigned self "/CN=self.example" 90 ec256 -addext "subjectAltName=DNS:self.example"

# Leaf variants under inter.
mk leaf_client inter "/CN=client" 90 ec256 -addext "extendedKeyUsage=clientAuth" -addext "subjectAltName=DNS:client.example.com"
mk leaf_any inter "/CN=any" 90 ec256 -addext "extendedKeyUsage=anyExtendedKeyUsage" -addext "subjectAltName=DNS:any.example.com"
mk leaf_noext inter "/CN=noext.example.com" 90 ec256 -addext "subjectAltName=DNS:noext.example.com"
mk leaf_nosan inter "/CN=nosan.example.com" 90 ec256 -addext "basicConstraints=CA:FALSE"
mk leaf_ku_bad inter "/CN=ku" 90 ec256 -addext "keyUsage=critical,keyEncipherment" -addext "subjectAltName=DNS:ku.example.com"
mk leaf_crit inter "/CN=crit" 90 ec256 -addext "1.2.3.4.5=critical,DER:05:00" -addext "subjectAltName=DNS:crit.example.com"
mk leaf_noncrit inter "/CN=noncrit" 90 ec256 -addext "1.2.3.4.5=DER:05:00" -addext "subjectAltName=DNS:noncrit.example.com"
mk leaf_sha1 inter "/CN=sha1" 90 ec256 -sha1 -addext "subjectAltName=DNS:sha1.example.com"
mk leaf_rsa1024 inter "/CN=rsa1024" 90 rsa1024 -addext "subjectAltName=DNS:rsa1024.example.com"
mk leaf_p521 inter "/CN=p521" 90 ec521 -addext "subjectAltName=DNS:p521.example.com"
mk leaf_p384 inter "/CN=p384" 90 ec384 -sha384 -addext "subjectAltName=DNS:p384.example.com"
mk leaf_ed inter "/CN=ed25519" 90 ed25519 -addext "subjectAltName=DNS:ed.example.com"
mk leaf_short inter "/CN=short" 10 ec256 -addext "subjectAltName=DNS:short.example.com"
mk leaf_ipv6 inter "/CN=v6" 90 ec256 -addext "subjectAltName=IP:2001:db8::1,DNS:10.0.0.1"

# Broken intermediates, each with a leaf under it.
mk inter_notca root "/CN=Not A CA" 365 ec256 -addext "basicConstraints=critical,CA:FALSE"
mk leaf_notca inter_notca "/CN=under-notca" 90 ec256 -addext "subjectAltName=DNS:a.example.com"
mk inter_nobc root "/CN=No Basic Constraints" 365 ec256 -addext "keyUsage=keyCertSign"
mk leaf_nobc inter_nobc "/CN=under-nobc" 90 ec256 -addext "subjectAltName=DNS:a.example.com"
mk inter_ku root "/CN=No keyCertSign" 365 ec256 -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,digitalSignature"
mk leaf_ku inter_ku "/CN=under-ku" 90 ec256 -addext "subjectAltName=DNS:a.example.com"
mk inter_eku root "/CN=Client-only CA" 365 ec256 -addext "basicConstraints=critical,CA:TRUE" -addext "extendedKeyUsage=clientAuth"
mk leaf_eku inter_eku "/CN=under-eku" 90 ec256 -addext "subjectAltName=DNS:a.example.com"
# pathlen: inter allows no intermediate below it.
mk inter2 inter "/CN=Second Level CA" 365 ec256 -addext "basicConstraints=critical,CA:TRUE"
mk leaf_deep inter2 "/CN=deep" 90 ec256 -addext "subjectAltName=DNS:deep.example.com"

# Name constraints.
mk inter_nc root "/CN=Constrained CA" 365 ec256 -addext "basicConstraints=critical,CA:TRUE" \
    -addext "nameConstraints=critical,permitted;DNS:example.com,permitted;IP:10.0.0.0/255.0.0.0,excluded;DNS:bad.example.com,excluded;IP:10.9.0.0/255.255.0.0"
mk nc_ok inter_nc "/CN=nc-ok" 90 ec256 -addext "subjectAltName=DNS:www.example.com,DNS:example.com,IP:10.1.2.3"
mk nc_dns inter_nc "/CN=nc-dns" 90 ec256 -addext "subjectAltName=DNS:www.example.com,DNS:www.example.org"
mk nc_suffix inter_nc "/CN=nc-suffix" 90 ec256 -addext "subjectAltName=DNS:notexample.com"
mk nc_excluded inter_nc "/CN=nc-excluded" 90 ec256 -addext "subjectAltName=DNS:x.bad.example.com"
# The absolute form of an excluded name must not escape the constraint.
mk nc_excluded_dot inter_nc "/CN=nc-excluded-dot" 90 ec256 -addext "subjectAltName=DNS:x.bad.example.com."
mk nc_ip inter_nc "/CN=nc-ip" 90 ec256 -addext "subjectAltName=DNS:www.example.com,IP:192.168.1.1"
mk nc_ip_excluded inter_nc "/CN=nc-ip-excluded" 90 ec256 -addext "subjectAltName=IP:10.9.1.1"

# Validity: a root that expires after one day and a leaf under it.
mk root_short self "/CN=Short Root CA" 1 ec256 "${CA_EXT[@]}"
mk leaf_rshort root_short "/CN=under-short-root" 30 ec256 -addext "subjectAltName=DNS:a.example.com"

# Cross-signing: one CA key certified by root and by root_short.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out cross.key 2>/dev/null
mk cross_by_root root "/CN=Cross CA" 365 key:cross.key -addext "basicConstraints=critical,CA:TRUE"
mk cross_by_short root_short "/CN=Cross CA" 365 key:cross.key -addext "basicConstraints=critical,CA:TRUE"
cp cross.key cross_by_root.key
mk leaf_cross cross_by_root "/CN=cross" 90 ec256 -addext "subjectAltName=DNS:cross.example.com"
# Same subject as inter, another key, no key identifiers: found only by
# trying its signature.
mk inter_twin root "/CN=Test Intermediate CA/O=libtls13 tests" 365 ec256 -addext "basicConstraints=critical,CA:TRUE" \
    -addext "subjectKeyIdentifier=none" -addext "authorityKeyIdentifier=none"
mk leaf_noaki inter "/CN=noaki.example.com" 90 ec256 -addext "subjectAltName=DNS:noaki.example.com" \
    -addext "subjectKeyIdentifier=none" -addext "authorityKeyIdentifier=none"

# A loop: Loop A and Loop B certify each other.
mk loop_a0 self "/CN=Loop A" 365 ec256 -addext "basicConstraints=critical,CA:TRUE"
mk loop_b loop_a0 "/CN=Loop B" 365 ec256 -addext "basicConstraints=critical,CA:TRUE"
mk loop_a loop_b "/CN=Loop A" 365 key:loop_a0.key -addext "basicConstraints=critical,CA:TRUE"
mk leaf_loop loop_a0 "/CN=loop" 90 ec256 -addext "subjectAltName=DNS:loop.example.com"

# A tangle: twelve self-issued CAs with one name and no key identifiers, so
# that every one is a candidate issuer of every other.
NOKID=(-addext "subjectKeyIdentifier=none" -addext "authorityKeyIdentifier=none")
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    mk tangle$i self "/CN=Tangle" 365 ec256 -addext "basicConstraints=critical,CA:TRUE" "${NOKID[@]}"
done
mk leaf_tangle tangle1 "/CN=tangle" 90 ec256 "${NOKID[@]}"

# A long chain: root -> deep1 -> ... -> deep9 -> leaf_long.
prev=root
for i in 1 2 3 4 5 6 7 8 9; do
    mk deep$i $prev "/CN=Deep CA $i" 365 ec256 -addext "basicConstraints=critical,CA:TRUE"
    prev=deep$i
done
mk leaf_long deep9 "/CN=long" 90 ec256 -addext "subjectAltName=DNS:long.example.com"

# RSA-2048: rsa_root -> rsa_inter (PKCS#1 v1.5 SHA-256) -> rsa_leaf (RSASSA-PSS SHA-256).
mk rsa_root self "/CN=RSA Root" 3650 rsa2048 "${CA_EXT[@]}"
mk rsa_inter rsa_root "/CN=RSA Intermediate" 365 rsa2048 -addext "basicConstraints=critical,CA:TRUE"
mk rsa_leaf rsa_inter "/CN=rsa.example.com" 90 ec256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest \
    -addext "subjectAltName=DNS:rsa.example.com"
mk rsa_leaf_sha1 rsa_inter "/CN=rsa-sha1" 90 ec256 -sha1 -addext "subjectAltName=DNS:rsa.example.com"
mk rsa_leaf_md5 rsa_inter "/CN=rsa-md5" 90 ec256 -md5 -addext "subjectAltName=DNS:rsa.example.com"
mk rsa_leaf_salt20 rsa_inter "/CN=rsa-salt20" 90 ec256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:20 \
    -addext "subjectAltName=DNS:rsa.example.com"
# An id-RSASSA-PSS CA key (RFC 4055): its signatures are rsa_pss_pss_*.
mk pss_ca rsa_root "/CN=RSA-PSS CA" 365 rsapss -addext "basicConstraints=critical,CA:TRUE"
mk pss_leaf pss_ca "/CN=pss.example.com" 90 ec256 -sigopt rsa_pss_saltlen:digest -addext "subjectAltName=DNS:pss.example.com"

# Ed25519 CA and a leaf signed with Ed25519.
mk ed_ca root "/CN=Ed25519 CA" 365 ed25519 -addext "basicConstraints=critical,CA:TRUE"
mk ed_leaf ed_ca "/CN=ed-signed" 90 ec256 -addext "subjectAltName=DNS:ed.example.com"

# Key files in every supported and rejected form.
openssl pkey -in leaf.key -outform DER -out leaf.key.der
openssl ec -in leaf.key -out leaf.sec1.pem 2>/dev/null
openssl ec -in leaf.key -outform DER -out leaf.sec1.der 2>/dev/null
openssl ec -in leaf.key -no_public -out leaf.nopub.pem 2>/dev/null
openssl ec -in leaf.key -aes128 -passout pass:secret -out leaf.legacy-enc.pem 2>/dev/null
openssl pkcs8 -topk8 -in leaf.key -v2 aes-256-cbc -passout pass:secret -out leaf.enc.pem
openssl pkcs8 -topk8 -in leaf.key -v2 aes-256-cbc -passout pass:secret -outform DER -out leaf.enc.der
openssl ecparam -genkey -name prime256v1 -out ecparam.pem
openssl rsa -in rsa_root.key -traditional -out rsa_root.pkcs1.pem 2>/dev/null
openssl rsa -in rsa_root.key -traditional -outform DER -out rsa_root.pkcs1.der 2>/dev/null
openssl x509 -in leaf.pem -outform DER -out leaf.der
cat leaf.pem leaf.key > leaf.combined.pem
cat leaf.pem inter.pem > leaf.fullchain.pem
touch done
