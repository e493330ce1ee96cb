#!/bin/sh
# One-shot (compose service schema-init, image curlimages/curl): registers, for every topic of topics.tsv with an Avro
# value, each released version of its record (schemas/released/<Record>/v1.avsc, v2.avsc, ...) in order under the
# subject <topic>-value, after setting the subject's compatibility to BACKWARD_TRANSITIVE (what SchemaEvolutionTest
# holds the schemas to). Registering a schema the subject already has returns its id: running it again is harmless.
# DRY_RUN=1 prints the requests instead of sending them (ComposeFileTest reads them).
set -eu
registry=${SCHEMA_REGISTRY_URL:-http://schema-registry:8081}
released=${RELEASED_DIR:-/schemas/released}
topics_file=${TOPICS_FILE:-/init/topics.tsv}
content_type='application/vnd.schemaregistry.v1+json'

send() { # method path body
  if [ "${DRY_RUN:-}" = 1 ]; then
    printf '%s %s %s\n' "$1" "$2" "$3"
    return
  fi
  status=$(curl -sS -o /tmp/answer -w '%{http_code}' -X "$1" -H "Content-Type: $content_type" --data "$3" "$registry$2")
  if [ "$status" -lt 200 ] || [ "$status" -ge 300 ]; then
    echo "$1 $2 answered $status: $(cat /tmp/answer)" >&2
    exit 1
  fi
  echo "$1 $2: $(cat /tmp/answer)"
}

# {"schemaType":"AVRO","schema":"<the .avsc as one JSON string>"}: lines joined, backslashes and quotes escaped
body() {
  printf '{"schemaType":"AVRO","schema":"%s"}' "$(tr '\n\r\t' '   ' < "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

grep -v '^#' "$topics_file" | while IFS="$(printf '\t')" read -r name partitions retention record; do
  [ -n "$name" ] && [ "$record" != "-" ] || continue
  subject="$name-value"
  [ -d "$released/$record" ] || { echo "no released versions of $record in $released" >&2; exit 1; }
  send PUT "/config/$subject" '{"compatibility":"BACKWARD_TRANSITIVE"}'
  for version in $(ls "$released/$record" | sed -n 's/^v\([0-9][0-9]*\)\.avsc$/\1/p' | sort -n); do
    send POST "/subjects/$subject/versions" "$(body "$released/$record/v$version.avsc")"
  done
done
[ "${DRY_RUN:-}" = 1 ] || echo "schemas registered"
