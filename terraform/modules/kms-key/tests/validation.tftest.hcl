# One run per validation rule of the kms-key module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  description = "test key"
  alias_name  = "msk-test"
}

run "rejects_empty_description" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    description = ""
  }

  expect_failures = [var.description]
}

run "rejects_reserved_alias" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    alias_name = "aws/sns"
  }

  expect_failures = [var.alias_name]
}

run "rejects_deletion_window_too_short" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    deletion_window_in_days = 3
  }

  expect_failures = [var.deletion_window_in_days]
}

run "rejects_unknown_via_service" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    via_services = ["ec2"]
  }

  expect_failures = [var.via_services]
}

run "rejects_bad_log_group_pattern" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cloudwatch_logs_log_groups = ["bad name with spaces"]
  }

  expect_failures = [var.cloudwatch_logs_log_groups]
}

run "rejects_wildcard_service_action" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    service_principals = [{ sid = "All", service = "cloudwatch.amazonaws.com", actions = ["kms:*"] }]
  }

  expect_failures = [var.service_principals]
}
