#!/bin/sh
# Verifies an electronic licence offline with the issuer's public key alone, using OpenSSL (3.x, SM2/SM3):
#   scripts/licences/verify-offline.sh <file holding the QR content AHL1.….…> <public key hex, 04…>
# The public key is one of GET /licences/keys. Prints OpenSSL's verdict and the signed licence (JSON); exits
# non-zero when the signature does not hold.
set -eu
token_file=$1
key_hex=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# base64url → bytes (the padding base64 expects is added back).
unb64url() {
  part=$(cut -d. -f"$1" "$token_file" | tr -d '\n' | tr '_-' '/+')
  while [ $(( ${#part} % 4 )) -ne 0 ]; do part="$part="; done
  printf '%s' "$part" | base64 -d
}
unb64url 2 > "$work/payload.json"
unb64url 3 > "$work/signature.der"

# SubjectPublicKeyInfo of an SM2 key (id-ecPublicKey, curve sm2p256v1) followed by the point.
{
  echo '-----BEGIN PUBLIC KEY-----'
  printf '%s%s' 3059301306072a8648ce3d020106082a811ccf5501822d034200 "$key_hex" | xxd -r -p | base64 | tr -d '\n'
  echo
  echo '-----END PUBLIC KEY-----'
} > "$work/key.pem"

openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -in "$work/payload.json" -sigfile "$work/signature.der" -digest sm3 -pkeyopt distid:1234567812345678
cat "$work/payload.json"
echo
