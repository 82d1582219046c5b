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

  assert {
    condition     = module.platform.msk.number_of_broker_nodes == 3 && length(module.platform.network.private_subnet_ids) == 3
    error_message = "Prod: 3 brokers across 3 AZs."
  }

  assert {
    condition     = length(module.platform.network.nat_gateway_ids) == 3
    error_message = "Prod: one NAT gateway per AZ."
  }

  assert {
    condition     = module.platform.msk.kms_key_arn != null && module.platform.firehose_s3.kms_key_arn != null
    error_message = "Prod: customer-managed keys for MSK, S3 and Firehose."
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
