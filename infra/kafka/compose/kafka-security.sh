#!/bin/bash
# Run once by docker compose's kafka-security step, in the broker's own network (its LOCAL
# listener on 127.0.0.1:19092 is reachable from there only): a SCRAM-SHA-512 principal per
# service and the ACLs that let each write only its own topic and read the topics it consumes.
# Both commands are idempotent, so running it again changes nothing.
set -euo pipefail

bootstrap=127.0.0.1:19092
bin=/opt/kafka/bin

principal() {
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users \
    --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
allow() {
  local who=$1
  shift
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$who" "$@" >/dev/null
}

principal admin "$KAFKA_ADMIN_PASSWORD"
principal organisation "$KAFKA_ORGANISATION_PASSWORD"
principal rights "$KAFKA_RIGHTS_PASSWORD"
principal reporting "$KAFKA_REPORTING_PASSWORD"
principal gateway "$KAFKA_GATEWAY_PASSWORD"

# organisation's relay publishes its events, and only there; its signed integrity checkpoints go
# to a topic of their own.
allow organisation --operation Write --operation Describe --topic taizhang.organisation.v1
allow organisation --operation Write --operation Describe --topic taizhang.organisation.checkpoints.v1
allow organisation --operation IdempotentWrite --cluster

# rights' relay likewise, on its own topic.
allow rights --operation Write --operation Describe --topic taizhang.rights.v1
allow rights --operation Write --operation Describe --topic taizhang.rights.checkpoints.v1
allow rights --operation IdempotentWrite --cluster

# reporting's relay publishes the reports submitted upward (报表报送) on its own topic.
allow reporting --operation Write --operation Describe --topic taizhang.reporting.v1
allow reporting --operation Write --operation Describe --topic taizhang.reporting.checkpoints.v1

# reporting, the gateway and rights read organisation's events in consumer groups named after
# them, and send what they cannot process to its dead-letter topic.
for consumer in reporting gateway rights; do
  allow "$consumer" --operation Read --operation Describe --topic taizhang.organisation.v1
  allow "$consumer" --operation Write --operation Describe --topic taizhang.organisation.v1.dlq
  allow "$consumer" --operation IdempotentWrite --cluster
  allow "$consumer" --operation Read --resource-pattern-type prefixed --group "$consumer."
done
# reporting reads rights' events (its figures) likewise.
allow reporting --operation Read --operation Describe --topic taizhang.rights.v1
allow reporting --operation Write --operation Describe --topic taizhang.rights.v1.dlq
echo 'kafka: principals and ACLs in place'
