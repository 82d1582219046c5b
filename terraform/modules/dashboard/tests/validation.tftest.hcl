# One run per validation rule of the dashboard module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "rejects_dashboard_name_with_space" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    dashboard_name = "msk demo"
  }

  expect_failures = [var.dashboard_name]
}

run "rejects_broker_count_zero" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    broker_count = 0
  }

  expect_failures = [var.broker_count]
}

run "rejects_period_not_allowed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    period = 120
  }

  expect_failures = [var.period]
}

run "rejects_disk_threshold_above_100" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    alarm_thresholds = { disk_used_percent = 150 }
  }

  expect_failures = [var.alarm_thresholds]
}

run "rejects_alarm_email_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    alarm_emails = ["ops"]
  }

  expect_failures = [var.alarm_emails]
}

run "rejects_aws_managed_sns_key" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    create_sns_kms_key = false
    sns_kms_key_arn    = "alias/aws/sns"
  }

  expect_failures = [var.sns_kms_key_arn]
}

run "rejects_sns_key_with_created_key" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    sns_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/33333333-2222-3333-4444-555555555555"
  }

  expect_failures = [var.sns_kms_key_arn]
}

run "rejects_malformed_topic_arn" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    sns_topic_arn = "ops-topic"
  }

  expect_failures = [var.sns_topic_arn]
}
