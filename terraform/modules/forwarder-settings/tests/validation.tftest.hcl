# One run per validation rule of the forwarder-settings module: each must reject the bad value at plan time.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "rejects_delivery_stream_arn_malformed" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    delivery_stream_arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/s"
  }

  expect_failures = [var.delivery_stream_arn]
}

run "rejects_delivery_stream_arn_with_an_invalid_name" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    delivery_stream_arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo stream"
  }

  expect_failures = [var.delivery_stream_arn]
}

run "rejects_dead_letter_bucket_invalid" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    dead_letter = { bucket_name = "Not_A_Bucket" }
  }

  expect_failures = [var.dead_letter]
}

run "rejects_dead_letter_prefix_without_slash" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    dead_letter = { bucket_name = "demo-bucket", prefix = "dlq" }
  }

  expect_failures = [var.dead_letter]
}

run "rejects_dead_letter_key_that_is_an_alias" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    dead_letter = { bucket_name = "demo-bucket", kms_key_arn = "alias/aws/s3" }
  }

  expect_failures = [var.dead_letter]
}

run "rejects_unknown_failure_strategy" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_strategy = "ignore"
  }

  expect_failures = [var.failure_strategy]
}

run "rejects_dead_letter_strategy_without_bucket" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_strategy = "dead-letter"
  }

  expect_failures = [var.failure_strategy]
}

run "rejects_partial_batch_strategy_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_strategy = "report-batch-item-failures"
  }

  expect_failures = [var.failure_strategy]
}

run "rejects_unknown_output_format" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    output_format = "csv"
  }

  expect_failures = [var.output_format]
}
