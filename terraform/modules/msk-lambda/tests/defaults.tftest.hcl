# Default path and feature switches of the msk-lambda module against the mocked provider. The role policy is
# rendered for real in tests/policy.tftest.hcl.

mock_provider "aws" {
  source = "../../tests/mocks"
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

  assert {
    condition     = output.runtime == "java21" && output.event_source_mapping_uuid != null
    error_message = "Outputs must expose the runtime and the mapping."
  }

  # On-demand mode: nothing that Kafka mappings accept only in provisioned mode.
  assert {
    condition = (
      length(aws_lambda_event_source_mapping.this[0].metrics_config) == 0 &&
      length(aws_lambda_event_source_mapping.this[0].provisioned_poller_config) == 0 &&
      aws_lambda_event_source_mapping.this[0].function_response_types == null &&
      aws_lambda_event_source_mapping.this[0].bisect_batch_on_function_error == null
    )
    error_message = "An on-demand mapping gets no metrics, no partial batch responses and no bisect."
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this[0].environment[0].variables), "FAILURE_STRATEGY")
    error_message = "The logger has no failure strategy."
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

  assert {
    condition     = !contains(keys(aws_lambda_function.this[0].environment[0].variables), "JAVA_TOOL_OPTIONS")
    error_message = "A native function has no JVM, so no JAVA_TOOL_OPTIONS by default."
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this[0].environment[0].variables), "GLIBC_TUNABLES")
    error_message = "A native function has no Java runtime client, whose buffers the default GLIBC_TUNABLES keep: none by default."
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

  assert {
    condition     = aws_lambda_alias.live[0].function_version == aws_lambda_function.this[0].version && output.invoke_target_arn == aws_lambda_alias.live[0].arn
    error_message = "The alias must follow the version each apply publishes."
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m"
    error_message = "Without java_tool_options a JVM function at 512 MB gets a 64 MB young generation, a 96 MB initial heap and a 64 MB metaspace threshold."
  }
}

run "default_young_generation_is_a_quarter_of_small_memory" {
  command = plan

  variables {
    memory_size = 130
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["JAVA_TOOL_OPTIONS"] == "-Xmn32m -Xms64m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m"
    error_message = "Below 256 MB the default young generation is a quarter of the memory, rounded down to whole MB, and the initial heap 32 MB more, at most half the memory."
  }
}

run "full_tiered_compilation_adds_its_level_to_the_default" {
  command = plan

  variables {
    tiered_stop_at_level = 4
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=4"
    error_message = "tiered_stop_at_level = 4 must put -XX:TieredStopAtLevel=4 after the default young generation."
  }
}

run "a_jvm_function_keeps_the_runtime_clients_buffers_by_default" {
  command = plan

  # glibc.malloc.mmap_threshold takes at most 32 MiB on 64-bit (mallopt(3): DEFAULT_MMAP_THRESHOLD_MAX,
  # 4*1024*1024*sizeof(long)); GLIBC_TUNABLES is not among the variables Lambda reserves.
  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["GLIBC_TUNABLES"] == "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
    error_message = "Without glibc_tunables a JVM function gets the mmap threshold of 32 MiB and the trim threshold of 256 MiB that keep the runtime client's buffers."
  }
}

run "empty_glibc_tunables_leave_the_allocator_alone" {
  command = plan

  variables {
    glibc_tunables = ""
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this[0].environment[0].variables), "GLIBC_TUNABLES")
    error_message = "With glibc_tunables = \"\" the function gets no GLIBC_TUNABLES."
  }
}

run "glibc_tunables_are_set_as_given" {
  command = plan

  variables {
    glibc_tunables = "glibc.malloc.trim_threshold=134217728"
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["GLIBC_TUNABLES"] == "glibc.malloc.trim_threshold=134217728"
    error_message = "glibc_tunables must reach the function as GLIBC_TUNABLES."
  }
}

run "empty_java_tool_options_leave_the_runtime_flags_alone" {
  command = plan

  variables {
    java_tool_options = ""
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this[0].environment[0].variables), "JAVA_TOOL_OPTIONS")
    error_message = "With java_tool_options = \"\" only the runtime's own JVM flags apply (no JAVA_TOOL_OPTIONS)."
  }
}

run "no_environment_block_without_variables" {
  command = plan

  variables {
    java_tool_options = ""
    glibc_tunables    = ""
  }

  assert {
    condition     = length(aws_lambda_function.this[0].environment) == 0
    error_message = "A function with no variables to set must get no environment block: an empty one is a permanent diff."
  }
}

run "java_tool_options_are_set_as_given" {
  command = plan

  variables {
    java_tool_options = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4"
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["JAVA_TOOL_OPTIONS"] == "-XX:+TieredCompilation -XX:TieredStopAtLevel=4"
    error_message = "java_tool_options must reach the function as JAVA_TOOL_OPTIONS."
  }
}

# The forwarder with the dead-letter strategy in on-demand mode: Firehose and the dead-letter bucket, no partial
# batch responses.
run "dead_letter_forwarder_settings" {
  command = apply

  module {
    source = "../forwarder-settings"
  }

  variables {
    delivery_stream_arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"
    dead_letter = {
      bucket_name = "demo-output-bucket"
      kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    }
    failure_strategy = "dead-letter"
  }
}

run "forwarder_gets_firehose_and_dead_letter_access_only" {
  command = apply

  variables {
    function_name              = "msk-forwarder"
    environment_variables      = run.dead_letter_forwarder_settings.environment_variables
    policy_documents           = [run.dead_letter_forwarder_settings.policy_json]
    report_batch_item_failures = run.dead_letter_forwarder_settings.report_batch_item_failures
  }

  assert {
    condition = (
      aws_lambda_function.this[0].environment[0].variables["DELIVERY_STREAM_NAME"] == "demo-stream" &&
      aws_lambda_function.this[0].environment[0].variables["DEAD_LETTER_BUCKET"] == "demo-output-bucket"
    )
    error_message = "The forwarder must receive DELIVERY_STREAM_NAME and DEAD_LETTER_BUCKET."
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["FAILURE_STRATEGY"] == "dead-letter" && aws_lambda_function.this[0].environment[0].variables["DEAD_LETTER_PREFIX"] == "dead-letter/"
    error_message = "dead-letter parks undelivered records in the dead-letter bucket and never blocks the partition."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].function_response_types == null && length(aws_lambda_event_source_mapping.this[0].provisioned_poller_config) == 0
    error_message = "dead-letter works in on-demand mode without partial batch responses."
  }
}

run "partial_batch_forwarder_settings" {
  command = apply

  module {
    source = "../forwarder-settings"
  }

  variables {
    delivery_stream_arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"
    dead_letter         = { bucket_name = "demo-output-bucket" }
    failure_strategy    = "report-batch-item-failures"
    provisioned_mode    = true
  }
}

run "forwarder_partial_batch_responses_in_provisioned_mode_with_bounded_retries" {
  command = apply

  variables {
    function_name                  = "msk-forwarder"
    environment_variables          = run.partial_batch_forwarder_settings.environment_variables
    policy_documents               = [run.partial_batch_forwarder_settings.policy_json]
    report_batch_item_failures     = run.partial_batch_forwarder_settings.report_batch_item_failures
    provisioned_pollers            = { minimum_pollers = 1, maximum_pollers = 6 }
    maximum_retry_attempts         = 10
    maximum_record_age_in_seconds  = -1
    bisect_batch_on_function_error = true
    on_failure_destination_arn     = "arn:aws:s3:::demo-output-bucket"
  }

  assert {
    condition     = aws_lambda_function.this[0].environment[0].variables["FAILURE_STRATEGY"] == "report-batch-item-failures"
    error_message = "The forwarder reports batch item failures."
  }

  assert {
    condition     = tolist(aws_lambda_event_source_mapping.this[0].function_response_types) == tolist(["ReportBatchItemFailures"])
    error_message = "The mapping reads the partial batch responses the forwarder returns."
  }

  assert {
    condition = (
      aws_lambda_event_source_mapping.this[0].maximum_retry_attempts == 10 &&
      aws_lambda_event_source_mapping.this[0].maximum_record_age_in_seconds == -1 &&
      aws_lambda_event_source_mapping.this[0].bisect_batch_on_function_error &&
      aws_lambda_event_source_mapping.this[0].destination_config[0].on_failure[0].destination_arn == "arn:aws:s3:::demo-output-bucket"
    )
    error_message = "Retries are bounded and exhausted batches go to the S3 destination with their records."
  }

  assert {
    condition     = tolist(aws_lambda_event_source_mapping.this[0].metrics_config[0].metrics) == tolist(["EventCount"])
    error_message = "Provisioned mappings get the EventCount metrics by default."
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
    maximum_retry_attempts             = 3
    maximum_record_age_in_seconds      = 3600
    metrics                            = []
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
    condition     = !aws_lambda_event_source_mapping.this[0].enabled
    error_message = "The mapping must be pausable."
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].maximum_retry_attempts == 3 && aws_lambda_event_source_mapping.this[0].maximum_record_age_in_seconds == 3600 && length(aws_lambda_event_source_mapping.this[0].metrics_config) == 0
    error_message = "Retry limit and record age are passed; an empty metrics list disables them."
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
