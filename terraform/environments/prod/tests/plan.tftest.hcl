# Plans the whole prod environment against the mocked provider: production sizing and encryption.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  logger_package_path    = "../../modules/msk-lambda/tests/fixtures/function.zip"
  forwarder_package_path = "../../modules/msk-lambda/tests/fixtures/function.zip"
}

run "prod_is_three_azs_with_nat_per_az_and_cmk" {
  command = apply

  # The guard (prevent_destroy) would refuse the test's own teardown; its plan is checked below.
  variables {
    deletion_protection = false
  }

  assert {
    condition     = module.platform.msk.number_of_broker_nodes == 3 && length(module.platform.network.private_subnet_ids) == 3
    error_message = "Prod: 3 brokers across 3 AZs."
  }

  assert {
    condition = (
      module.platform.backup_query.table == "records" && module.platform.backup_query.workgroup == "msk-streaming-prod-backup" &&
      length(module.platform.backup_query.named_queries) == 4 && module.platform.forwarder.environment_variables["OUTPUT_FORMAT"] == "envelope"
    )
    error_message = "Prod: the backup can be queried with Athena by default, and the forwarder writes the envelopes the table reads."
  }

  assert {
    condition     = length(module.platform.network.nat_gateway_ids) == 3
    error_message = "Prod: one NAT gateway per AZ."
  }

  assert {
    condition     = module.platform.msk.kms_key_arn != null && module.platform.firehose_s3.kms_key_arn != null && module.platform.dashboard.sns_kms_key_arn != null && module.platform.logs_kms_key_arn != null
    error_message = "Prod: customer-managed keys for MSK, S3 and Firehose, the alarm topic and the log groups."
  }

  assert {
    condition = alltrue([for k in [
      module.platform.msk.broker_log_kms_key_arn, module.platform.network.flow_logs_kms_key_arn, module.platform.firehose_s3.log_group_kms_key_arn,
      module.platform.logger.log_group_kms_key_arn, module.platform.forwarder.log_group_kms_key_arn,
    ] : k == module.platform.logs_kms_key_arn])
    error_message = "Prod: every log group (broker, VPC flow logs, Firehose, both functions) uses the customer logs key."
  }

  # Neither a stalled partition nor a lost record: bounded retries, partial batch responses, and exhausted batches
  # with their records in the output bucket.
  assert {
    condition = (
      module.platform.forwarder.environment_variables.FAILURE_STRATEGY == "report-batch-item-failures" &&
      tolist(module.platform.forwarder.failure_handling.function_response_types) == tolist(["ReportBatchItemFailures"]) &&
      module.platform.forwarder.failure_handling.provisioned_pollers.maximum_pollers == 6 &&
      module.platform.forwarder.failure_handling.maximum_retry_attempts == 10 &&
      module.platform.forwarder.failure_handling.bisect_batch_on_function_error &&
      module.platform.forwarder.failure_handling.on_failure_destination_arn == module.platform.firehose_s3.bucket_arn &&
      module.platform.logger.failure_handling.on_failure_destination_arn == module.platform.firehose_s3.bucket_arn
    )
    error_message = "Prod: provisioned mappings with bounded retries and the output bucket as on-failure destination."
  }

  assert {
    condition     = contains(keys(module.platform.network.vpc_endpoint_ids), "s3")
    error_message = "Prod: the S3 gateway endpoint that the on-failure destination requires in the cluster's VPC."
  }

  assert {
    condition     = module.platform.logger.invoke_target_arn != module.platform.logger.function_arn
    error_message = "Prod: SnapStart functions are invoked through their alias."
  }

  assert {
    condition     = module.platform.topics_module.topic_names["msk-events"] == "msk-events" && module.platform.dashboard.dashboard_name == "msk-streaming-prod"
    error_message = "Prod: the mapped topic is ensured and resources are named per deployment."
  }
}

run "prod_is_protected_from_destroy_by_default" {
  command = plan

  assert {
    condition     = output.deletion_protection_guard == "module.platform.terraform_data.deletion_protection[0]"
    error_message = "Prod: the deletion-protection guard is on by default and its address is an output."
  }

  assert {
    condition     = toset(keys(module.platform.protected_resources)) == toset(["cluster", "output_bucket", "msk_key", "data_key", "logs_key", "alarms_key"])
    error_message = "Prod: the guard tracks the cluster, the output bucket and every key."
  }
}

run "prod_in_an_existing_vpc" {
  command = plan

  variables {
    existing_vpc = {
      vpc_id                  = "vpc-0aaaaaaaaaaaaaaaa"
      private_subnet_ids      = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb", "subnet-0cccccccccccccccc"]
      private_route_table_ids = ["rtb-0aaaaaaaaaaaaaaaa"]
      nat_gateway             = true
    }
  }

  assert {
    condition     = module.platform.network.vpc_id == "vpc-0aaaaaaaaaaaaaaaa" && length(module.platform.network.nat_gateway_ids) == 0 && contains(keys(module.platform.network.vpc_endpoint_ids), "s3")
    error_message = "Prod in an existing VPC: nothing of the VPC is created but the S3 gateway endpoint."
  }
}
