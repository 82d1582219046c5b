# One run per validation rule of the network module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name = "msk-demo"
}

run "rejects_name_with_underscore" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    name = "msk_demo"
  }

  expect_failures = [var.name]
}

run "rejects_existing_vpc_one_subnet" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    existing_vpc = { vpc_id = "vpc-0a", private_subnet_ids = ["subnet-0a"] }
  }

  expect_failures = [var.existing_vpc]
}

run "rejects_cidr_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cidr_block = "10.0.0.0"
  }

  expect_failures = [var.cidr_block]
}

run "rejects_cidr_too_small" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cidr_block = "10.0.0.0/26"
  }

  expect_failures = [var.cidr_block]
}

run "rejects_az_count_four" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    az_count = 4
  }

  expect_failures = [var.az_count]
}

run "rejects_azs_wrong_length" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    azs = ["eu-west-1a"]
  }

  expect_failures = [var.azs]
}

run "rejects_nat_mode_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    nat_gateway_mode = "two"
  }

  expect_failures = [var.nat_gateway_mode]
}

run "rejects_endpoint_service_unknown" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    vpc_endpoints = { enabled = true, interface_services = ["dynamodb"] }
  }

  expect_failures = [var.vpc_endpoints]
}

run "rejects_no_nat_no_endpoints" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    nat_gateway_mode = "none"
  }

  expect_failures = [var.vpc_endpoints]
}

run "rejects_flow_log_retention_not_allowed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    flow_logs_retention_in_days = 2
  }

  expect_failures = [var.flow_logs_retention_in_days]
}

run "rejects_s3_endpoint_in_existing_vpc_without_route_tables" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    existing_vpc        = { vpc_id = "vpc-0a", private_subnet_ids = ["subnet-0a", "subnet-0b"] }
    s3_gateway_endpoint = true
  }

  expect_failures = [var.s3_gateway_endpoint]
}

run "rejects_flow_logs_kms_key_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    flow_logs_kms_key_arn = "alias/aws/logs"
  }

  expect_failures = [var.flow_logs_kms_key_arn]
}
