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
    condition     = module.msk.number_of_broker_nodes == 3 && length(module.network.private_subnet_ids) == 3
    error_message = "Prod: 3 brokers across 3 AZs."
  }

  assert {
    condition     = length(module.network.nat_gateway_ids) == 3
    error_message = "Prod: one NAT gateway per AZ."
  }

  assert {
    condition     = module.msk.kms_key_arn != null && module.firehose_s3.kms_key_arn != null
    error_message = "Prod: customer-managed keys for MSK, S3 and Firehose."
  }

  assert {
    condition     = module.logger.invoke_target_arn != module.logger.function_arn
    error_message = "Prod: SnapStart functions are invoked through their alias."
  }
}
