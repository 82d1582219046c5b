# Default path, feature switches and security invariants of the msk-lambda module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  function_name = "msk-logger"
  package_path  = "tests/fixtures/function.zip"
  cluster_arn   = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
  topic         = "orders"
}

run "defaults_jvm_with_original_mapping_settings" {
  command = apply

  assert {
    condition     = aws_lambda_function.this[0].runtime == "java21"
    error_message = "JVM mode must use the java21 runtime."
  }

  assert {
    condition     = aws_lambda_function.this[0].handler == "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
    error_message = "JVM mode must use the Quarkus stream handler."
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["KAFKA_CONSUMER_ENABLED"] == "false"
    error_message = "The Kafka consumer must be disabled inside Lambda."
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this[0].environment[0].variables), "DISABLE_SIGNAL_HANDLERS")
    error_message = "DISABLE_SIGNAL_HANDLERS is for native functions only."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this[0].retention_in_days == 30 && aws_cloudwatch_log_group.this[0].name == "/aws/lambda/msk-logger"
    error_message = "The function's log group must exist with a retention."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].batch_size == 100 && aws_lambda_event_source_mapping.this[0].starting_position == "LATEST" && aws_lambda_event_source_mapping.this[0].enabled
    error_message = "The mapping must keep the original defaults (batch 100, LATEST, enabled)."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].topics == toset(["orders"])
    error_message = "The mapping must read the configured topic."
  }

  assert {
    condition     = length(aws_lambda_event_source_mapping.this[0].source_access_configuration) == 0 && length(aws_lambda_event_source_mapping.this[0].destination_config) == 0
    error_message = "IAM auth needs no source access configuration; no destination by default."
  }

  assert {
    condition     = length(aws_security_group.this) == 0 && length(aws_lambda_alias.live) == 0
    error_message = "No VPC security group and no alias by default."
  }

  # Security invariant: no "*" action anywhere in the role policy.
  assert {
    condition     = alltrue([for s in data.aws_iam_policy_document.this[0].statement : !anytrue([for a in s.actions : a == "*" || endswith(a, ":*")])])
    error_message = "No IAM statement may grant a wildcard action."
  }

  # Data-plane statements are scoped to the cluster UUID, the topic and the group: no wildcarded UUID.
  assert {
    condition = one([for s in data.aws_iam_policy_document.this[0].statement : s.resources if s.sid == "KafkaReadTopic"]) == toset([
      "arn:aws:kafka:eu-west-1:123456789012:topic/demo/0b1c2d3e-1111-2222-3333-444455556666-2/orders"
    ])
    error_message = "ReadData must be scoped to the exact topic ARN with the cluster UUID."
  }

  assert {
    condition = one([for s in data.aws_iam_policy_document.this[0].statement : s.resources if s.sid == "KafkaConsumerGroup"]) == toset([
      "arn:aws:kafka:eu-west-1:123456789012:group/demo/0b1c2d3e-1111-2222-3333-444455556666-2/*"
    ])
    error_message = "Group permissions must be scoped to this cluster's UUID."
  }

  assert {
    condition     = length([for s in data.aws_iam_policy_document.this[0].statement : s if contains(["ReadScramSecret", "DecryptScramSecret", "PutToFirehose", "WriteDeadLetters"], s.sid)]) == 0
    error_message = "The logger must not get SCRAM, Firehose or dead-letter permissions."
  }

  assert {
    condition     = output.runtime == "java21" && output.event_source_mapping_uuid != null
    error_message = "Outputs must expose the runtime and the mapping."
  }
}

run "native_arm64_sets_signal_handler_switch" {
  command = plan

  variables {
    runtime_mode = "native"
    architecture = "arm64"
  }

  assert {
    condition     = aws_lambda_function.this[0].runtime == "provided.al2023" && aws_lambda_function.this[0].architectures == tolist(["arm64"])
    error_message = "Native mode must use provided.al2023 on the chosen architecture."
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["DISABLE_SIGNAL_HANDLERS"] == "true"
    error_message = "Native functions must set DISABLE_SIGNAL_HANDLERS=true."
  }

  assert {
    condition     = length(aws_lambda_function.this[0].snap_start) == 0
    error_message = "SnapStart is never set on native functions."
  }
}

run "native_x86_64" {
  command = plan

  variables {
    runtime_mode = "native"
    architecture = "x86_64"
  }

  assert {
    condition     = aws_lambda_function.this[0].architectures == tolist(["x86_64"])
    error_message = "x86_64 must be selectable."
  }
}

run "snap_start_publishes_and_maps_the_alias" {
  command = apply

  variables {
    snap_start = true
  }

  assert {
    condition     = aws_lambda_function.this[0].publish && aws_lambda_function.this[0].snap_start[0].apply_on == "PublishedVersions"
    error_message = "SnapStart must publish versions."
  }

  assert {
    condition     = length(aws_lambda_alias.live) == 1 && aws_lambda_event_source_mapping.this[0].function_name == aws_lambda_alias.live[0].arn
    error_message = "With SnapStart the mapping must invoke the live alias."
  }
}

run "forwarder_gets_firehose_and_dead_letter_access_only" {
  command = apply

  variables {
    function_name        = "msk-forwarder"
    delivery_stream_name = "demo-stream"
    delivery_stream_arn  = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"
    dead_letter = {
      bucket_name = "demo-output-bucket"
      kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    }
  }

  assert {
    condition = (
      aws_lambda_function.this[0].environment[0].variables["DELIVERY_STREAM_NAME"] == "demo-stream" &&
      aws_lambda_function.this[0].environment[0].variables["DEAD_LETTER_BUCKET"] == "demo-output-bucket"
    )
    error_message = "The forwarder must receive DELIVERY_STREAM_NAME and DEAD_LETTER_BUCKET."
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this[0].statement : s.actions if s.sid == "PutToFirehose"]) == toset(["firehose:PutRecordBatch", "firehose:PutRecord"]) && one([for s in data.aws_iam_policy_document.this[0].statement : s.resources if s.sid == "PutToFirehose"]) == toset(["arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"])
    error_message = "Firehose access must be PutRecordBatch/PutRecord on the one stream."
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this[0].statement : s.resources if s.sid == "WriteDeadLetters"]) == toset(["arn:aws:s3:::demo-output-bucket/dead-letter/*"])
    error_message = "Dead-letter writes must be limited to the bucket prefix."
  }

  assert {
    condition     = flatten([for s in data.aws_iam_policy_document.this[0].statement : [for c in s.condition : [for v in c.values : "${c.test} ${c.variable} ${v}"]] if s.sid == "EncryptDeadLetters"]) == ["StringEquals kms:ViaService s3.eu-west-1.amazonaws.com"]
    error_message = "KMS use for dead letters must be limited to S3 (kms:ViaService)."
  }
}

run "forwarder_with_partial_batch_responses_reports_item_failures" {
  command = apply

  variables {
    function_name              = "msk-forwarder"
    delivery_stream_name       = "demo-stream"
    delivery_stream_arn        = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"
    report_batch_item_failures = true
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["FAILURE_STRATEGY"] == "report-batch-item-failures"
    error_message = "With partial batch responses on the mapping, the forwarder must report batch item failures."
  }

  assert {
    condition     = tolist(aws_lambda_event_source_mapping.this[0].function_response_types) == tolist(["ReportBatchItemFailures"])
    error_message = "The mapping must read partial batch responses."
  }
}

run "scram_reads_secret_and_decrypts_via_secrets_manager_only" {
  command = apply

  variables {
    iam_auth          = false
    scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo_lambda-AbCdEf"
    scram_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition     = one(aws_lambda_event_source_mapping.this[0].source_access_configuration).type == "SASL_SCRAM_512_AUTH"
    error_message = "SCRAM must be configured on the mapping."
  }

  assert {
    condition     = flatten([for s in data.aws_iam_policy_document.this[0].statement : [for c in s.condition : [for v in c.values : "${c.test} ${c.variable} ${v}"]] if s.sid == "DecryptScramSecret"]) == ["StringEquals kms:ViaService secretsmanager.eu-west-1.amazonaws.com"]
    error_message = "kms:Decrypt must carry the kms:ViaService = secretsmanager condition."
  }

  assert {
    condition     = length([for s in data.aws_iam_policy_document.this[0].statement : s if startswith(s.sid, "Kafka")]) == 0
    error_message = "No kafka-cluster data-plane permission is needed with SCRAM."
  }
}

run "all_mapping_options" {
  command = apply

  variables {
    starting_position                  = "AT_TIMESTAMP"
    starting_position_timestamp        = "2025-01-31T00:00:00Z"
    consumer_group_id                  = "msk-logger-group"
    maximum_batching_window_in_seconds = 5
    batch_size                         = 500
    provisioned_pollers                = { minimum_pollers = 2, maximum_pollers = 10 }
    filters                            = ["{\"value\":{\"type\":[\"order\"]}}"]
    report_batch_item_failures         = true
    on_failure_destination_arn         = "arn:aws:sqs:eu-west-1:123456789012:msk-logger-dlq"
    event_source_enabled               = false
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].starting_position_timestamp == "2025-01-31T00:00:00Z"
    error_message = "AT_TIMESTAMP must pass the timestamp."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].amazon_managed_kafka_event_source_config[0].consumer_group_id == "msk-logger-group"
    error_message = "Consumer group must be set."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].provisioned_poller_config[0].minimum_pollers == 2 && aws_lambda_event_source_mapping.this[0].provisioned_poller_config[0].maximum_pollers == 10
    error_message = "Provisioned pollers must be set."
  }

  assert {
    condition     = length(aws_lambda_event_source_mapping.this[0].filter_criteria[0].filter) == 1
    error_message = "Filters must be set."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].function_response_types == toset(["ReportBatchItemFailures"])
    error_message = "Partial batch responses must be enabled."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].destination_config[0].on_failure[0].destination_arn == "arn:aws:sqs:eu-west-1:123456789012:msk-logger-dlq"
    error_message = "The on-failure destination must be set."
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this[0].statement : s.actions if s.sid == "OnFailureSqs"]) == toset(["sqs:SendMessage"])
    error_message = "An SQS destination needs sqs:SendMessage only."
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this[0].statement : s.resources if s.sid == "KafkaConsumerGroup"]) == toset(["arn:aws:kafka:eu-west-1:123456789012:group/demo/0b1c2d3e-1111-2222-3333-444455556666-2/msk-logger-group"])
    error_message = "A named consumer group narrows the group permission to it."
  }

  assert {
    condition     = !aws_lambda_event_source_mapping.this[0].enabled
    error_message = "The mapping must be pausable."
  }
}

run "s3_destination_grants_put_and_list_on_that_bucket" {
  command = apply

  variables {
    on_failure_destination_arn = "arn:aws:s3:::demo-failures"
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this[0].statement : s.resources if s.sid == "OnFailureS3"]) == toset(["arn:aws:s3:::demo-failures", "arn:aws:s3:::demo-failures/*"])
    error_message = "An S3 destination grants PutObject/ListBucket on that bucket only."
  }
}

run "vpc_function_gets_egress_only_security_group" {
  command = apply

  variables {
    vpc_config = {
      vpc_id     = "vpc-0123456789abcdef0"
      subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    }
  }

  assert {
    condition     = length(aws_security_group.this) == 1 && length(aws_lambda_function.this[0].vpc_config[0].subnet_ids) == 2
    error_message = "The function must run in the given subnets with its own security group."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.https[0].from_port == 443 && aws_vpc_security_group_egress_rule.https[0].to_port == 443
    error_message = "The function's security group allows HTTPS out only (and nothing in)."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_lambda_function.this) == 0 && length(aws_lambda_event_source_mapping.this) == 0 && length(aws_iam_role.this) == 0 && length(aws_cloudwatch_log_group.this) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.function_arn == null && output.role_arn == null
    error_message = "Outputs must be null when nothing is created."
  }
}
