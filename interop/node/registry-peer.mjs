// Confluent's own Node client (@confluentinc/schemaregistry) as a peer of the project's schema registry and Java
// serde: proves the registry answers the REST API the way Confluent's clients expect, and that records written by
// either side's serializer are read by the other's.
//
// usage: node registry-peer.mjs <registry-url> [--topic <topic>] [--java-hex <hex> --java-topic <topic>]
//   --topic       topic the script works on (subject <topic>-value); default node-peer-<timestamp>
//   --java-hex    a record written by the Java KafkaAvroSerializer (Confluent wire format, hex) to read back
//   --java-topic  the topic it was written for (its subject is <topic>-value)
// Prints one JSON object describing what it did; exits 1 with a message on stderr at the first failure.

import {
  AvroDeserializer,
  AvroSerializer,
  Compatibility,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';

const REFERRAL_V1 = {
  type: 'record', name: 'Referral', namespace: 'uk.safeguarding.interop', fields: [
    { name: 'referralId', type: 'string' },
    { name: 'school', type: 'string' },
  ],
};
const REFERRAL_V2 = {
  ...REFERRAL_V1,
  fields: [...REFERRAL_V1.fields, { name: 'note', type: ['null', 'string'], default: null }],
};
const REFERRAL_REQUIRED_PRIORITY = {
  ...REFERRAL_V1,
  fields: [...REFERRAL_V1.fields, { name: 'priority', type: 'int' }],
};

function parseArgs(argv) {
  const [url, ...rest] = argv;
  if (!url || url.startsWith('--')) {
    throw new Error('usage: node registry-peer.mjs <registry-url> [--topic t] [--java-hex hex --java-topic t]');
  }
  const options = { url, topic: `node-peer-${Date.now()}` };
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    const value = rest[i + 1];
    if (value === undefined) {
      throw new Error(`missing value for ${key}`);
    }
    if (key === '--topic') options.topic = value;
    else if (key === '--java-hex') options.javaHex = value;
    else if (key === '--java-topic') options.javaTopic = value;
    else throw new Error(`unknown option ${key}`);
  }
  if (options.javaHex && !options.javaTopic) {
    throw new Error('--java-hex needs --java-topic');
  }
  return options;
}

function check(condition, message) {
  if (!condition) {
    throw new Error(`check failed: ${message}`);
  }
}

function avro(schema) {
  return { schemaType: 'AVRO', schema: JSON.stringify(schema) };
}

async function expectRestError(promise, status, what) {
  try {
    await promise;
  } catch (e) {
    check(e.status === status, `${what}: expected HTTP ${status}, got ${e.status} (${e.message})`);
    return { status: e.status, errorCode: e.errorCode, message: e.message };
  }
  throw new Error(`check failed: ${what} should have been refused with HTTP ${status}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const subject = `${options.topic}-value`;
  // no retries: a failing call should fail the run at once, not be papered over
  const client = new SchemaRegistryClient({ baseURLs: [options.url], maxRetries: 0 });
  const report = { registry: options.url, subject, steps: {} };
  const steps = report.steps;

  const id1 = await client.register(subject, avro(REFERRAL_V1));
  check(Number.isInteger(id1) && id1 > 0, `register answered id ${id1}`);
  steps.register = { id: id1 };

  const again = await new SchemaRegistryClient({ baseURLs: [options.url], maxRetries: 0 })
    .register(subject, avro(REFERRAL_V1));
  check(again === id1, `re-registering answered ${again}, not ${id1}`);
  steps.reRegister = { id: again };

  const lookedUp = await client.getIdFullResponse(subject, avro(REFERRAL_V1));
  check(lookedUp.id === id1 && lookedUp.version === 1 && lookedUp.subject === subject,
    `lookup answered ${JSON.stringify(lookedUp)}`);
  steps.lookup = { id: lookedUp.id, version: lookedUp.version };

  const version = await client.getVersion(subject, avro(REFERRAL_V1));
  check(version === 1, `getVersion answered ${version}`);

  const byId = await client.getBySubjectAndId(subject, id1);
  check(JSON.parse(byId.schema).name === 'Referral', `schema by id was ${byId.schema}`);
  steps.getById = { id: id1, name: JSON.parse(byId.schema).name, schemaType: byId.schemaType ?? null };

  const latest1 = await client.getLatestSchemaMetadata(subject);
  check(latest1.id === id1 && latest1.version === 1, `latest answered ${JSON.stringify(latest1)}`);
  steps.latest = { id: latest1.id, version: latest1.version };

  const subjects = await client.getAllSubjects();
  check(subjects.includes(subject), `subjects ${JSON.stringify(subjects)} lack ${subject}`);
  const versions = await client.getAllVersions(subject);
  check(JSON.stringify(versions) === '[1]', `versions were ${JSON.stringify(versions)}`);
  steps.listing = { subjectListed: true, versions };

  const compatible = await client.testSubjectCompatibility(subject, avro(REFERRAL_V2));
  const incompatible = await client.testCompatibility(subject, 1, avro(REFERRAL_REQUIRED_PRIORITY));
  check(compatible === true, 'an added optional field should be compatible');
  check(incompatible === false, 'an added required field should be incompatible under BACKWARD');
  steps.compatibility = { optionalFieldCompatible: compatible, requiredFieldCompatible: incompatible };

  const globalLevel = await client.getDefaultCompatibility();
  const set = await client.updateCompatibility(subject, Compatibility.FULL);
  const subjectLevel = await client.getCompatibility(subject);
  check(globalLevel === 'BACKWARD', `global level was ${globalLevel}`);
  check(set === 'FULL' && subjectLevel === 'FULL', `subject level set ${set}, read ${subjectLevel}`);
  const config = await client.getConfig(subject);
  check(config.compatibilityLevel === 'FULL', `config was ${JSON.stringify(config)}`);
  steps.config = { global: globalLevel, subject: subjectLevel };

  const refused = await expectRestError(client.register(subject, avro(REFERRAL_REQUIRED_PRIORITY)), 409,
    'registering an incompatible schema');
  steps.incompatibleRefused = refused;

  const id2 = await client.register(subject, avro(REFERRAL_V2));
  // the client caches "latest" per subject (without a TTL unless cacheLatestTtlSecs is set)
  client.clearLatestCaches();
  const latest2 = await client.getLatestSchemaMetadata(subject);
  check(id2 !== id1 && latest2.id === id2 && latest2.version === 2, `v2 ${id2}, latest ${JSON.stringify(latest2)}`);
  steps.evolve = { id: id2, version: latest2.version };

  const missing = await expectRestError(client.getLatestSchemaMetadata(`${options.topic}-nothing-value`), 404,
    'latest of an unknown subject');
  check(missing.errorCode === 40401, `unknown subject answered error code ${missing.errorCode}`);
  steps.unknownSubject = { errorCode: missing.errorCode };

  // Serde round trip. The serializer writes with the registered latest version rather than a schema it would
  // otherwise infer from the JavaScript object.
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  const record = { referralId: 'REF-NODE-1', school: 'Riverside Academy', note: 'written by Node' };
  const bytes = await serializer.serialize(options.topic, record);
  check(bytes[0] === 0 && bytes.readInt32BE(1) === id2, `wire header was ${bytes.subarray(0, 5).toString('hex')}`);
  const back = await deserializer.deserialize(options.topic, bytes);
  check(JSON.stringify(back) === JSON.stringify(record), `round trip gave ${JSON.stringify(back)}`);
  steps.serdeRoundTrip = { schemaId: bytes.readInt32BE(1), record: back };
  report.nodeWritten = { topic: options.topic, schemaId: id2, hex: bytes.toString('hex'), record };

  if (options.javaHex) {
    const javaBytes = Buffer.from(options.javaHex, 'hex');
    const javaRecord = await deserializer.deserialize(options.javaTopic, javaBytes);
    report.javaRead = { topic: options.javaTopic, schemaId: javaBytes.readInt32BE(1), record: javaRecord };
  }

  await client.close();
  return report;
}

try {
  const report = await main();
  process.stdout.write(`${JSON.stringify(report)}\n`);
} catch (e) {
  const detail = e.status ? ` (HTTP ${e.status}, error_code ${e.errorCode})` : '';
  process.stderr.write(`registry-peer failed: ${e.message}${detail}\n`);
  process.exitCode = 1;
}
