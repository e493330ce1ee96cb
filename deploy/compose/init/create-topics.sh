#!/bin/sh
# One-shot (compose service kafka-init, image apache/kafka): creates every topic of topics.tsv that does not exist,
# with its partitions, retention.ms and min.insync.replicas. An existing topic is left as it is (change retention with
# kafka-configs.sh --alter, README "Retention").
set -eu
bootstrap=${BOOTSTRAP_SERVERS:-kafka:9092}
replication=${REPLICATION_FACTOR:-1}
min_isr=${MIN_INSYNC_REPLICAS:-1}
topics_file=${TOPICS_FILE:-/init/topics.tsv}
kafka_topics=${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}

grep -v '^#' "$topics_file" | while IFS="$(printf '\t')" read -r name partitions retention record; do
  [ -n "$name" ] || continue
  echo "topic $name: $partitions partitions, retention.ms=$retention, replication $replication"
  $kafka_topics --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" \
    --config "retention.ms=$retention" --config "min.insync.replicas=$min_isr"
done
echo "topics ready"
