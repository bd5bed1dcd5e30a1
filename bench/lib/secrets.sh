# Credentials for the auth scenarios, made fresh for each run (nothing secret is kept in the repository):
# an RSA key pair and an RS256 JWT signed with it, and a random API key with its SHA-256.

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# make_secrets DIR: sets JWT, JWT_PUBLIC_PEM_JSON, API_KEY, API_KEY_SHA256.
make_secrets() {
  local dir=$1
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt-key.pem" 2>/dev/null
  openssl pkey -in "$dir/jwt-key.pem" -pubout -out "$dir/jwt-pub.pem"
  JWT_PUBLIC_PEM_JSON=$(awk '{ printf "%s\\n", $0 }' "$dir/jwt-pub.pem")

  local now header payload input signature
  now=$(date +%s)
  header='{"alg":"RS256","typ":"JWT","kid":"bench"}'
  payload=$(printf '{"iss":"https://bench.invalid/","aud":"bench","sub":"bench-user","client_id":"bench-client","scope":"bench","iat":%d,"nbf":%d,"exp":%d}' \
    "$now" "$((now - 60))" "$((now + 86400))")
  input="$(printf %s "$header" | b64url).$(printf %s "$payload" | b64url)"
  signature=$(printf %s "$input" | openssl dgst -sha256 -sign "$dir/jwt-key.pem" -binary | b64url)
  JWT="$input.$signature"

  API_KEY=$(openssl rand -hex 24)
  API_KEY_SHA256=$(printf %s "$API_KEY" | sha256sum | cut -d' ' -f1)
}

# render TEMPLATE OUT: fills in the placeholders of a config template.
render() {
  local text
  text=$(<"$1")
  text=${text//\{UPSTREAM\}/http://127.0.0.1:$UPSTREAM_PORT/}
  text=${text//\{JWT_PUBLIC_PEM\}/$JWT_PUBLIC_PEM_JSON}
  text=${text//\{API_KEY_SHA256\}/$API_KEY_SHA256}
  printf '%s\n' "$text" >"$2"
}

# fill_header HEADER: a scenario header with {JWT}, {API_KEY} and {ETAG} filled in.
fill_header() {
  local h=$1
  h=${h//\{JWT\}/$JWT}
  h=${h//\{API_KEY\}/$API_KEY}
  h=${h//\{ETAG\}/${CURRENT_ETAG:-}}
  printf '%s' "$h"
}
