# One run per validation rule of the msk-lambda module: each must reject the bad value at plan time.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "rejects_function_name_too_long" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    function_name = "this-name-is-far-too-long-for-a-lambda-function-name-because-it-exceeds-64"
  }

  expect_failures = [var.function_name]
}

run "rejects_package_path_not_zip" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    package_path = "tests/fixtures/function.jar"
  }

  expect_failures = [var.package_path]
}

run "rejects_runtime_mode_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    runtime_mode = "python"
  }

  expect_failures = [var.runtime_mode]
}

run "rejects_architecture_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    architecture = "arm32"
  }

  expect_failures = [var.architecture]
}

run "rejects_snap_start_on_native" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    runtime_mode = "native"
    snap_start   = true
  }

  expect_failures = [var.snap_start]
}

run "rejects_java_tool_options_on_native" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    runtime_mode      = "native"
    java_tool_options = "-XX:TieredStopAtLevel=4"
  }

  expect_failures = [var.java_tool_options]
}

run "rejects_tiered_stop_at_level_other_than_one_or_four" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    tiered_stop_at_level = 2
  }

  expect_failures = [var.tiered_stop_at_level]
}

run "rejects_tiered_stop_at_level_on_native" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    runtime_mode         = "native"
    tiered_stop_at_level = 4
  }

  expect_failures = [var.tiered_stop_at_level]
}

run "rejects_tiered_stop_at_level_with_own_java_tool_options" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    java_tool_options    = "-Xmn96m"
    tiered_stop_at_level = 4
  }

  expect_failures = [var.tiered_stop_at_level]
}

run "rejects_multi_line_java_tool_options" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    java_tool_options = "-Xss1m\n-Xmx256m"
  }

  expect_failures = [var.java_tool_options]
}

run "rejects_glibc_tunables_that_are_not_name_value_pairs" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    glibc_tunables = "mmap_threshold=33554432"
  }

  expect_failures = [var.glibc_tunables]
}

run "rejects_glibc_tunables_with_spaces" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    glibc_tunables = "glibc.malloc.mmap_threshold=33554432: glibc.malloc.trim_threshold=268435456"
  }

  expect_failures = [var.glibc_tunables]
}

run "rejects_glibc_tunables_through_environment_variables" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    environment_variables = { GLIBC_TUNABLES = "glibc.malloc.trim_threshold=268435456" }
  }

  expect_failures = [var.environment_variables]
}

run "rejects_java_tool_options_through_environment_variables" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    environment_variables = { JAVA_TOOL_OPTIONS = "-Xmx256m" }
  }

  expect_failures = [var.environment_variables]
}

run "rejects_memory_below_minimum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    memory_size = 64
  }

  expect_failures = [var.memory_size]
}

run "rejects_timeout_above_kafka_maximum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    timeout = 900
  }

  expect_failures = [var.timeout]
}

run "rejects_reserved_concurrency_negative" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    reserved_concurrent_executions = -2
  }

  expect_failures = [var.reserved_concurrent_executions]
}

run "rejects_tracing_mode_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    tracing_mode = "On"
  }

  expect_failures = [var.tracing_mode]
}

run "rejects_environment_reserved_key" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    environment_variables = { AWS_REGION = "eu-west-1" }
  }

  expect_failures = [var.environment_variables]
}

run "rejects_vpc_config_without_subnets" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    vpc_config = { vpc_id = "vpc-0123456789abcdef0", subnet_ids = [] }
  }

  expect_failures = [var.vpc_config]
}

run "rejects_log_retention_not_allowed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    log_retention_in_days = 10
  }

  expect_failures = [var.log_retention_in_days]
}

run "rejects_log_format_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    log_format = "XML"
  }

  expect_failures = [var.log_format]
}

run "rejects_cluster_arn_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo"
  }

  expect_failures = [var.cluster_arn]
}

run "rejects_topic_invalid_characters" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topic = "orders topic"
  }

  expect_failures = [var.topic]
}

run "rejects_batch_size_above_maximum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    batch_size = 10001
  }

  expect_failures = [var.batch_size]
}

run "rejects_batch_size_zero" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    batch_size = 0
  }

  expect_failures = [var.batch_size]
}

run "rejects_batching_window_above_maximum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    maximum_batching_window_in_seconds = 301
  }

  expect_failures = [var.maximum_batching_window_in_seconds]
}

run "rejects_starting_position_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    starting_position = "EARLIEST"
  }

  expect_failures = [var.starting_position]
}

run "rejects_at_timestamp_without_timestamp" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    starting_position = "AT_TIMESTAMP"
  }

  expect_failures = [var.starting_position_timestamp]
}

run "rejects_timestamp_not_rfc3339" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    starting_position           = "AT_TIMESTAMP"
    starting_position_timestamp = "31/01/2025"
  }

  expect_failures = [var.starting_position_timestamp]
}

run "rejects_timestamp_without_at_timestamp" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    starting_position_timestamp = "2025-01-31T00:00:00Z"
  }

  expect_failures = [var.starting_position_timestamp]
}

run "rejects_consumer_group_invalid" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    consumer_group_id = "group with spaces"
  }

  expect_failures = [var.consumer_group_id]
}

run "rejects_scram_secret_without_amazonmsk_prefix" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    iam_auth          = false
    scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:demo-AbCdEf"
    scram_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  expect_failures = [var.scram_secret_arn]
}

run "rejects_scram_with_iam_auth" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo-AbCdEf"
    scram_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  expect_failures = [var.scram_secret_arn]
}

run "rejects_scram_without_kms_key" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    iam_auth         = false
    scram_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo-AbCdEf"
  }

  expect_failures = [var.scram_kms_key_arn]
}

run "rejects_scram_kms_key_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    iam_auth          = false
    scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo-AbCdEf"
    scram_kms_key_arn = "alias/aws/secretsmanager"
  }

  expect_failures = [var.scram_kms_key_arn]
}

run "rejects_on_failure_kafka_topic_rejected" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    on_failure_destination_arn = "kafka://orders-dlq"
  }

  expect_failures = [var.on_failure_destination_arn]
}

run "rejects_pollers_minimum_above_maximum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    provisioned_pollers = { minimum_pollers = 20, maximum_pollers = 10 }
  }

  expect_failures = [var.provisioned_pollers]
}

run "rejects_pollers_maximum_above_limit" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    provisioned_pollers = { maximum_pollers = 2001 }
  }

  expect_failures = [var.provisioned_pollers]
}

run "rejects_too_many_filters" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    filters = [for i in range(11) : "{\"value\":{\"n\":[${i}]}}"]
  }

  expect_failures = [var.filters]
}

run "rejects_filter_not_json" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    filters = ["value = order"]
  }

  expect_failures = [var.filters]
}

run "rejects_metrics_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    metrics = ["ErrorCount"]
  }

  expect_failures = [var.metrics]
}

run "rejects_partial_batch_strategy_the_mapping_would_not_read" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    environment_variables = { FAILURE_STRATEGY = "report-batch-item-failures" }
  }

  expect_failures = [var.environment_variables]
}

run "rejects_metrics_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    metrics = ["EventCount"]
  }

  expect_failures = [var.metrics]
}

run "rejects_partial_batch_responses_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    report_batch_item_failures = true
  }

  expect_failures = [var.report_batch_item_failures]
}

run "rejects_retry_limit_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    maximum_retry_attempts     = 5
    on_failure_destination_arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
  }

  expect_failures = [var.maximum_retry_attempts]
}

run "rejects_retry_limit_out_of_range" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    provisioned_pollers        = {}
    maximum_retry_attempts     = 10001
    on_failure_destination_arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
  }

  expect_failures = [var.maximum_retry_attempts]
}

run "rejects_finite_retries_without_destination" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    provisioned_pollers    = {}
    maximum_retry_attempts = 5
  }

  expect_failures = [var.maximum_retry_attempts]
}

run "rejects_record_age_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    maximum_record_age_in_seconds = 3600
    on_failure_destination_arn    = "arn:aws:sqs:eu-west-1:123456789012:dlq"
  }

  expect_failures = [var.maximum_record_age_in_seconds]
}

run "rejects_record_age_below_minimum" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    provisioned_pollers           = {}
    maximum_record_age_in_seconds = 30
    on_failure_destination_arn    = "arn:aws:sqs:eu-west-1:123456789012:dlq"
  }

  expect_failures = [var.maximum_record_age_in_seconds]
}

run "rejects_finite_record_age_without_destination" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    provisioned_pollers           = {}
    maximum_record_age_in_seconds = 3600
  }

  expect_failures = [var.maximum_record_age_in_seconds]
}

run "rejects_bisect_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    bisect_batch_on_function_error = true
  }

  expect_failures = [var.bisect_batch_on_function_error]
}

run "rejects_destination_key_without_destination" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    on_failure_destination_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  expect_failures = [var.on_failure_destination_kms_key_arn]
}

run "rejects_log_kms_key_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    log_kms_key_arn = "alias/aws/logs"
  }

  expect_failures = [var.log_kms_key_arn]
}

run "rejects_policy_documents_that_are_not_policies" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    policy_documents = ["{\"Version\":\"2012-10-17\"}"]
  }

  expect_failures = [var.policy_documents]
}
