// Baseline for scripts/benchmark-forwarder: the original solution's Node.js forwarder behaviour, rewritten for the
// benchmark with the SDK version it used. Each ESM record object becomes JSON.stringify(record) + "\n"; batches of at
// most 500 records / 4 MiB go out one after another; entries failing with ServiceUnavailableException are resent
// up to 3 times after a blocking 1-5 s sleep; anything still failing is only logged (the data loss we fix).
// Two ways to run it:
//   under the Lambda runtime interface client: node node_modules/aws-lambda-ric/index.mjs original-forwarder.handler
//     (LAMBDA_TASK_ROOT pointing here; DELIVERY_STREAM_NAME, and FIREHOSE_ENDPOINT for a local endpoint; region and
//     credentials from the environment, as Lambda provides them), which is how the benchmarks measure it;
//   in-process: node original-forwarder.js EVENT_FILE ENDPOINT [WARMUP] [ITERATIONS]   (timings go to stderr)
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');
const { FirehoseClient, PutRecordBatchCommand } = require('@aws-sdk/client-firehose');

const MAX_RECORDS = 500;
const MAX_BYTES = 4194304;
const RETRIES = 3;
const inProcess = require.main === module;
const stream = process.env.DELIVERY_STREAM_NAME || 'bench-stream';
const client = new FirehoseClient(inProcess
  ? { region: 'us-east-1', endpoint: process.argv[3], credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }
  : (process.env.FIREHOSE_ENDPOINT ? { endpoint: process.env.FIREHOSE_ENDPOINT } : {}));

async function sendBatch(records) {
  let pending = records;
  for (let attempt = 0; attempt <= RETRIES && pending.length > 0; attempt++) {
    if (attempt > 0) execFileSync('sleep', [String(1 + Math.random() * 4)]);
    const response = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: pending }));
    if (!response.FailedPutCount) return 0;
    pending = pending.filter((_, i) => response.RequestResponses[i].ErrorCode === 'ServiceUnavailableException');
  }
  if (pending.length > 0) console.warn(`All retries exceeded: Could not send ${pending.length} record(s)`);
  return pending.length;
}

async function forward(event) {
  console.log(JSON.stringify(event, null, 2));
  let batch = [];
  let size = 0;
  let batches = 0;
  for (const partition of Object.keys(event.records)) {
    for (const record of event.records[partition]) {
      const data = Buffer.from(JSON.stringify(record) + '\n');
      if (batch.length + 1 > MAX_RECORDS || size + data.length > MAX_BYTES) {
        await sendBatch(batch);
        batches++;
        batch = [];
        size = 0;
      }
      batch.push({ Data: data });
      size += data.length;
    }
  }
  if (batch.length > 0) {
    await sendBatch(batch);
    batches++;
  }
  return batches;
}

exports.handler = forward;

async function main() {
  const raw = fs.readFileSync(process.argv[2], 'utf8');
  const warmup = Number(process.argv[4] || 5);
  const iterations = Number(process.argv[5] || 10);
  let calls = 0;
  for (let i = 0; i < warmup; i++) await forward(JSON.parse(raw));
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    calls = await forward(JSON.parse(raw));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  process.stderr.write(`RESULT node_median_ms=${median.toFixed(1)} node_calls=${calls}\n`);
}

if (inProcess) main().catch((e) => { console.error(e); process.exit(1); });
