#!/usr/bin/env node
// Reads every record of the given topics with Confluent's own Node client (@confluentinc/schemaregistry, whose
// AvroDeserializer fetches writer schemas from the registry by the id in the Confluent wire format) and kafkajs,
// and prints one JSON line per record on stdout:
//   {"topic":"alerts.school","partition":0,"offset":"3","key":"org-1","value":{...decoded Avro...}}
// It stops once every partition has been read up to the end offset it had when the script started.
//
// Usage: node read-alerts.mjs --broker localhost:9092 --registry http://localhost:8081 \
//          --topics alerts.school,alerts.gp [--timeout-ms 30000] [--strict]
// A record that cannot be decoded (not Confluent wire format, unknown schema id) is printed with an "error" field
// and no value; with --strict it stops the script instead (exit 1).
// Exit codes: 0 all read; 1 an error (with --strict: an undecodable record); 2 timed out; 64 bad arguments.
// Diagnostics go to stderr, so stdout holds only the JSON lines.

import { Kafka, logLevel } from 'kafkajs';
import { AvroDeserializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { randomUUID } from 'node:crypto';

function parseArgs(argv) {
  const args = { timeoutMs: 30000, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    if (name === '--strict') {
      args.strict = true;
      continue;
    }
    const value = inline ?? argv[++i];
    switch (name) {
      case '--broker': args.broker = value; break;
      case '--registry': args.registry = value; break;
      case '--topics': args.topics = value.split(',').map(t => t.trim()).filter(Boolean); break;
      case '--timeout-ms': args.timeoutMs = Number(value); break;
      default: throw new Error(`unknown option ${name}`);
    }
  }
  if (!args.broker || !args.registry || !args.topics?.length) {
    throw new Error('--broker, --registry and --topics are required');
  }
  return args;
}

const stderrLogger = () => ({ namespace, level, label, log }) =>
  process.stderr.write(`[kafkajs ${label}] ${namespace}: ${log.message}\n`);

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\nusage: node read-alerts.mjs --broker host:port --registry url --topics a,b [--timeout-ms n]\n`);
    process.exit(64);
  }

  const registry = new SchemaRegistryClient({ baseURLs: [args.registry] });
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
  const kafka = new Kafka({
    clientId: 'confluent-interop-reader',
    brokers: args.broker.split(','),
    logLevel: logLevel.ERROR,
    logCreator: stderrLogger,
  });

  // the end of every partition now: read up to here, then stop
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map(); // "topic/partition" -> end offset still to reach
  for (const topic of args.topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) {
        remaining.set(`${topic}/${partition}`, BigInt(high));
      }
    }
  }
  await admin.disconnect();

  const consumer = kafka.consumer({ groupId: `confluent-interop-${randomUUID()}`, readUncommitted: false });
  let failure = null;
  let finish;
  const finished = new Promise(resolve => { finish = resolve; });
  const progress = (topic, partition, lastOffset) => {
    const key = `${topic}/${partition}`;
    if (remaining.has(key) && BigInt(lastOffset) + 1n >= remaining.get(key)) {
      remaining.delete(key);
    }
    if (remaining.size === 0) {
      finish();
    }
  };
  // batches of control records only (transaction markers) reach this event but not eachMessage
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) =>
    progress(payload.topic, payload.partition, payload.lastOffset));

  await consumer.connect();
  await consumer.subscribe({ topics: args.topics, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const record = {
        topic,
        partition,
        offset: message.offset,
        key: message.key == null ? null : message.key.toString('utf8'),
      };
      try {
        record.value = message.value == null ? null : await deserializer.deserialize(topic, message.value);
      } catch (e) {
        record.error = `could not decode: ${e.message}`;
        if (args.strict) {
          failure = new Error(`${topic}/${partition}@${message.offset} ${record.error}`);
          finish();
        }
      }
      process.stdout.write(JSON.stringify(record, (k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
      progress(topic, partition, message.offset);
    },
  });
  if (remaining.size === 0) {
    finish();
  }

  let timer;
  const timedOut = new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), args.timeoutMs); });
  const outcome = await Promise.race([finished.then(() => 'done'), timedOut]);
  clearTimeout(timer);
  await consumer.disconnect().catch(() => {});
  if (failure) {
    process.stderr.write(`${failure.message}\n`);
    process.exit(1);
  }
  if (outcome === 'timeout') {
    process.stderr.write(`timed out after ${args.timeoutMs} ms; partitions not read to the end: ${[...remaining.keys()].join(', ')}\n`);
    process.exit(2);
  }
  process.exit(0);
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
