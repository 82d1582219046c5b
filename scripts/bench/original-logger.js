// Baseline for scripts/benchmark-logger: the original solution's Node.js logger behaviour, rewritten for the
// benchmark (it logs the whole event as indented JSON, then "Message: <decoded value>" per record).
// Two ways to run it:
//   under the Lambda runtime interface client: node node_modules/aws-lambda-ric/index.mjs original-logger.handler
//     (LAMBDA_TASK_ROOT pointing here), which is how the benchmarks measure it;
//   in-process: node original-logger.js EVENT_FILE [WARMUP] [ITERATIONS]   (timings go to stderr)
'use strict';
const fs = require('fs');

function log(event) {
  console.log(JSON.stringify(event, null, 2));
  let count = 0;
  for (const partition of Object.keys(event.records)) {
    for (const record of event.records[partition]) {
      console.log(`Message: ${Buffer.from(record.value, 'base64').toString()}`);
      count++;
    }
  }
  return `Successfully processed ${count} records.`;
}

exports.handler = async (event) => log(event);

function inProcess() {
  const raw = fs.readFileSync(process.argv[2], 'utf8');
  const warmup = Number(process.argv[3] || 10);
  const iterations = Number(process.argv[4] || 10);
  let records = 0;
  for (let i = 0; i < warmup; i++) log(JSON.parse(raw));
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    const event = JSON.parse(raw); // the Node runtime parses the event before calling the handler
    log(event);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    records = Object.values(event.records).reduce((n, list) => n + list.length, 0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  process.stderr.write(`RESULT node_records_per_s=${Math.round(records / (median / 1000))} ` +
    `node_median_ms=${median.toFixed(1)}\n`);
}

if (require.main === module) inProcess();
