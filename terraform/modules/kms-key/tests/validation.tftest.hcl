# One run per validation rule of the kms-key module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  description = "test key"
  alias_name  = "msk-test"
}

run "rejects_empty_description" {
  command = plan

  variables {
    description = ""
  }

  expect_failures = [var.description]
}

run "rejects_reserved_alias" {
  command = plan

  variables {
    alias_name = "aws/sns"
  }

  expect_failures = [var.alias_name]
}

run "rejects_deletion_window_too_short" {
  command = plan

  variables {
    deletion_window_in_days = 3
  }

  expect_failures = [var.deletion_window_in_days]
}

run "rejects_unknown_via_service" {
  command = plan

  variables {
    via_services = ["ec2"]
  }

  expect_failures = [var.via_services]
}

run "rejects_bad_log_group_pattern" {
  command = plan

  variables {
    cloudwatch_logs_log_groups = ["bad name with spaces"]
  }

  expect_failures = [var.cloudwatch_logs_log_groups]
}

run "rejects_wildcard_service_action" {
  command = plan

  variables {
    service_principals = [{ sid = "All", service = "cloudwatch.amazonaws.com", actions = ["kms:*"] }]
  }

  expect_failures = [var.service_principals]
}
