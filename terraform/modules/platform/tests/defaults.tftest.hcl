# Plans the composition with minimal sizing against the mocked provider: wiring and defaults of every component.

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "composes_every_component" {
  command = plan

  assert {
    condition     = output.name == "msk-streaming-test" && output.tags.Environment == "test" && output.tags.ManagedBy == "terraform"
    error_message = "Names and tags derive from project and environment."
  }

  assert {
    condition     = output.msk.number_of_broker_nodes == 2 && length(output.network.private_subnet_ids) == 2 && length(output.network.nat_gateway_ids) == 1
    error_message = "The cluster is sized from cluster and spread over network's subnets."
  }

  assert {
    condition     = keys(output.topics_module.topic_names) == ["msk-events"] && output.topics == ["msk-events"]
    error_message = "Declared topics are ensured before the mappings."
  }

  assert {
    condition     = output.logger_function_name == "msk-streaming-test-logger" && output.forwarder_function_name == "msk-streaming-test-forwarder"
    error_message = "Both functions are named per deployment."
  }

  assert {
    condition     = output.logger.runtime == "java21" && output.forwarder.runtime == "java21"
    error_message = "JVM functions by default."
  }

  assert {
    condition     = output.logger.environment_variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m" && output.forwarder.environment_variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m"
    error_message = "At 512 MB (a share of one vCPU) both functions compile with C1 only, the runtime's own level."
  }

  assert {
    condition     = output.logger.environment_variables["GLIBC_TUNABLES"] == "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456" && output.forwarder.environment_variables["GLIBC_TUNABLES"] == "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
    error_message = "Both JVM functions keep the runtime client's buffers between invocations (msk-lambda's default glibc_tunables)."
  }

  assert {
    condition     = output.dashboard.dashboard_name == "msk-streaming-test" && output.glue_database_name == "msk_streaming_test"
    error_message = "Dashboard and Glue database are named per deployment."
  }

  assert {
    condition     = output.studio_notebook_start_command == null && output.flink_application_start_command == null
    error_message = "Pattern 4 is off by default."
  }

  # Default failure handling: on-demand mappings (AWS accepts no retry controls there) and a forwarder that parks
  # what it cannot deliver, so nothing stalls a partition and nothing is lost.
  assert {
    condition = (
      output.forwarder.environment_variables.FAILURE_STRATEGY == "dead-letter" &&
      output.forwarder.failure_handling.provisioned_pollers == null &&
      length(output.forwarder.failure_handling.function_response_types) == 0 &&
      length(output.forwarder.failure_handling.metrics) == 0 &&
      !contains(keys(output.logger.environment_variables), "FAILURE_STRATEGY") &&
      output.logger.failure_handling.on_failure_destination_arn == null
    )
    error_message = "On-demand mappings with the dead-letter strategy by default."
  }

  assert {
    condition     = output.logs_kms_key_arn == null && output.dashboard.sns_kms_key_arn == null && output.logger.log_group_kms_key_arn == null
    error_message = "Without customer-managed keys: no logs key and an unencrypted alarm topic (never alias/aws/sns)."
  }

  assert {
    condition     = output.deletion_protection_guard == null && length(terraform_data.deletion_protection) == 0
    error_message = "No deletion protection unless asked for."
  }

  assert {
    condition     = !contains(keys(output.network.vpc_endpoint_ids), "s3")
    error_message = "No S3 endpoint without an S3 on-failure destination."
  }
}

run "customer_managed_keys_and_snap_start" {
  command = apply

  variables {
    use_customer_managed_keys = true
    functions = {
      logger_package_path    = "../msk-lambda/tests/fixtures/function.zip"
      forwarder_package_path = "../msk-lambda/tests/fixtures/function.zip"
      snap_start             = true
      logger_max_value_bytes = 512
    }
  }

  assert {
    condition     = output.msk.kms_key_arn != null && output.firehose_s3.kms_key_arn != null && output.dashboard.sns_kms_key_arn != null && output.logs_kms_key_arn != null
    error_message = "use_customer_managed_keys creates keys for MSK, S3 and Firehose, the alarm topic and the log groups."
  }

  assert {
    condition = alltrue([for k in [
      output.msk.broker_log_kms_key_arn, output.network.flow_logs_kms_key_arn, output.firehose_s3.log_group_kms_key_arn,
      output.logger.log_group_kms_key_arn, output.forwarder.log_group_kms_key_arn,
    ] : k == output.logs_kms_key_arn])
    error_message = "Every log group (broker, flow logs, Firehose, both functions) is encrypted with the logs key."
  }

  # The key's policy names log groups by pattern; a log group outside them could not use the key.
  assert {
    condition = alltrue([for name in [
      output.msk.broker_log_group_name, "/aws/vpc/msk-streaming-test/flow-logs", output.firehose_s3.log_group_name,
      output.logger.log_group_name, output.forwarder.log_group_name,
      "/aws/kinesis-analytics/msk-streaming-test-studio", "/aws/kinesis-analytics/msk-streaming-test-flink-sql",
    ] : anytrue([for p in output.logs_key_log_groups : can(regex("^${replace(p, "*", ".*")}$", name))])])
    error_message = "Every log group of the deployment matches a pattern of the logs key's policy."
  }

  assert {
    condition     = output.logger.invoke_target_arn != output.logger.function_arn
    error_message = "SnapStart functions are invoked through their alias."
  }

  assert {
    condition     = output.logger.environment_variables.LOG_MAX_VALUE_BYTES == "512" && !contains(keys(output.forwarder.environment_variables), "LOG_MAX_VALUE_BYTES")
    error_message = "The logger's truncation reaches the logger alone, as LOG_MAX_VALUE_BYTES."
  }

  assert {
    condition     = startswith(output.client_session_command, "aws ssm start-session --region eu-west-1 --target ")
    error_message = "The session command targets the client instance in the provider's region."
  }
}

run "pattern_4_when_enabled" {
  command = plan

  variables {
    pattern_4 = { studio_notebook_enabled = true, flink_application_enabled = true, flink_application_jar_path = "../flink-application/tests/fixtures/application.jar", flink_parallelism = 2 }
  }

  assert {
    condition     = output.studio_notebook_start_command == "aws kinesisanalyticsv2 start-application --application-name msk-streaming-test-studio" && output.flink_application.property_group.properties.access_control == "iam"
    error_message = "Pattern 4 is wired to the cluster with IAM when enabled."
  }

  assert {
    condition     = output.flink_application.property_group.properties.topic == "msk-events"
    error_message = "The Flink application reads the forwarder's topic."
  }
}

run "provisioned_failure_handling_with_the_output_bucket_as_destination" {
  command = plan

  variables {
    failure_handling = {
      provisioned_pollers            = { minimum = 1, maximum = 3 }
      maximum_retry_attempts         = 10
      maximum_record_age_in_seconds  = -1
      bisect_batch_on_function_error = true
      on_failure_destination         = "output-bucket"
      forwarder_strategy             = "report-batch-item-failures"
    }
  }

  assert {
    condition = (
      output.forwarder.environment_variables.FAILURE_STRATEGY == "report-batch-item-failures" &&
      tolist(output.forwarder.failure_handling.function_response_types) == tolist(["ReportBatchItemFailures"]) &&
      output.forwarder.failure_handling.provisioned_pollers.minimum_pollers == 1 && output.forwarder.failure_handling.provisioned_pollers.maximum_pollers == 3 &&
      output.forwarder.failure_handling.maximum_retry_attempts == 10 && output.forwarder.failure_handling.bisect_batch_on_function_error
    )
    error_message = "The forwarder's strategy, the mapping's partial batch responses and the retry controls agree."
  }

  assert {
    condition     = output.logger.failure_handling.maximum_retry_attempts == 10 && length(output.logger.failure_handling.function_response_types) == 0
    error_message = "The logger shares the retry controls but returns no partial batch responses."
  }

  assert {
    condition     = contains(keys(output.network.vpc_endpoint_ids), "s3") && length(output.network.vpc_endpoint_ids) == 1
    error_message = "An S3 on-failure destination brings the S3 gateway endpoint Lambda requires in the cluster's VPC."
  }

  assert {
    condition     = tolist(output.forwarder.failure_handling.metrics) == tolist(["EventCount"])
    error_message = "Provisioned mappings report EventCount metrics."
  }
}

run "existing_vpc_mode" {
  command = plan

  variables {
    network = {
      existing_vpc = {
        vpc_id                  = "vpc-0aaaaaaaaaaaaaaaa"
        private_subnet_ids      = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
        private_route_table_ids = ["rtb-0aaaaaaaaaaaaaaaa", "rtb-0bbbbbbbbbbbbbbbb"]
        nat_gateway             = true
      }
    }
    failure_handling = {
      provisioned_pollers    = {}
      maximum_retry_attempts = 5
      on_failure_destination = "output-bucket"
      forwarder_strategy     = "report-batch-item-failures"
    }
  }

  assert {
    condition     = output.network.vpc_id == "vpc-0aaaaaaaaaaaaaaaa" && output.network.private_subnet_ids == tolist(["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]) && length(output.network.nat_gateway_ids) == 0
    error_message = "The existing VPC and its subnets are used; no VPC, subnet or NAT is created."
  }

  assert {
    condition     = output.msk.number_of_broker_nodes == 2 && contains(keys(output.network.vpc_endpoint_ids), "s3")
    error_message = "Brokers spread over the given subnets; the S3 gateway endpoint is added on their route tables."
  }
}

run "deletion_protection_tracks_what_prod_cannot_lose" {
  command = plan

  variables {
    use_customer_managed_keys = true
    deletion_protection       = true
  }

  assert {
    condition     = length(terraform_data.deletion_protection) == 1 && output.deletion_protection_guard == "terraform_data.deletion_protection[0]"
    error_message = "The guard exists when asked for."
  }

  assert {
    condition     = toset(keys(output.protected_resources)) == toset(["cluster", "output_bucket", "msk_key", "data_key", "logs_key", "alarms_key"])
    error_message = "The guard tracks the cluster, the output bucket and every customer-managed key."
  }
}

run "the_logger_compiles_with_c2_from_one_full_vcpu" {
  command = plan

  variables {
    functions = { memory_size = 1769 }
  }

  assert {
    condition     = output.logger.environment_variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=4" && output.forwarder.environment_variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m"
    error_message = "From 1769 MB (one full vCPU) the logger gets full tiered compilation; the forwarder stays C1 only."
  }
}

run "the_logger_stays_c1_just_below_one_full_vcpu" {
  command = plan

  variables {
    functions = { memory_size = 1768 }
  }

  assert {
    condition     = output.logger.environment_variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m"
    error_message = "Below 1769 MB the logger compiles with C1 only."
  }
}

run "the_logger_level_can_be_chosen" {
  command = plan

  variables {
    functions = { logger_tiered_stop_at_level = 4 }
  }

  assert {
    condition     = output.logger.environment_variables["JAVA_TOOL_OPTIONS"] == "-Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=4"
    error_message = "logger_tiered_stop_at_level = 4 applies at any memory setting."
  }
}
